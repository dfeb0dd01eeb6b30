using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.Hubs;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A connection hears of an order when a group it joined is one the change is sent to. That agrees with the query
/// filter (Application.UnitTests' <c>OrderAudienceTests</c>) only if the groups tell the audiences apart: one name per
/// audience, no two audiences sharing one.
/// </summary>
public sealed class OrderAudienceHubGroupTests
{
    [Fact]
    public void Every_audience_of_every_kind_of_actor_and_order_has_a_group_of_its_own()
    {
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var ofActors = Enum.GetValues<ActorType>().SelectMany(kind => ids.SelectMany(id => OrderAudience.Of(new Actor(kind, id, kind.ToString()))));
        var ofOrders = Enum.GetValues<OrderStatus>().SelectMany(status => ids.SelectMany(id => new[]
        {
            OrderAudience.Of(new OrderStanding(id, status, null, null)),
            OrderAudience.Of(new OrderStanding(id, status, id, null)),
            OrderAudience.Of(new OrderStanding(id, status, null, id)),
        }.SelectMany(audiences => audiences)));
        var audiences = ofActors.Concat(ofOrders).Distinct().ToList();

        var groups = audiences.Select(HubGroups.For).ToList();

        Assert.Equal(audiences.Count, groups.Distinct().Count());
        Assert.Equal(5, audiences.Select(a => a.GetType()).Distinct().Count());
    }
}
