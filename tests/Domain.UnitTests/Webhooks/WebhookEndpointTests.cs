using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Domain.UnitTests.Webhooks;

public sealed class WebhookEndpointTests
{
    private static readonly DateTimeOffset Now = OrderFactory.Now;
    private static readonly TimeSpan ThreeDays = TimeSpan.FromDays(3);

    private static WebhookEndpoint NewEndpoint() =>
        WebhookEndpoint.Create(WebhookOwner.Merchant(Guid.NewGuid()), 1, "https://hooks.example.com/orders", [WebhookEventTypes.OrderCreated], "protected", Now);

    [Fact]
    public void An_owner_gets_the_lowest_free_place_and_none_once_its_limit_is_reached()
    {
        Assert.Equal(1, WebhookEndpoint.FreeSlot([], 10));
        Assert.Equal(2, WebhookEndpoint.FreeSlot([1, 3], 10));
        Assert.Equal(10, WebhookEndpoint.FreeSlot([1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
        Assert.Null(WebhookEndpoint.FreeSlot([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10));

        // Places above a lowered limit still count against it.
        Assert.Null(WebhookEndpoint.FreeSlot([4, 7, 9], 3));
        Assert.Equal(2, WebhookEndpoint.FreeSlot([1, 7], 3));
    }

    [Fact]
    public void An_endpoint_whose_attempts_keep_failing_is_disabled_once_they_have_failed_for_the_configured_time()
    {
        var endpoint = NewEndpoint();

        endpoint.AttemptFailed(ThreeDays, Now);
        endpoint.AttemptFailed(ThreeDays, Now + ThreeDays - TimeSpan.FromSeconds(1));
        Assert.True(endpoint.IsEnabled);
        Assert.Equal(Now, endpoint.FailingSince);

        endpoint.AttemptFailed(ThreeDays, Now + ThreeDays);

        Assert.False(endpoint.IsEnabled);
        Assert.Equal((WebhookDisabledReason.KeptFailing, Now + ThreeDays), (endpoint.DisabledReason, endpoint.DisabledAt));
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var endpoint = NewEndpoint();
        endpoint.AttemptFailed(ThreeDays, Now);
        endpoint.AttemptSucceeded();
        Assert.Null(endpoint.FailingSince);

        endpoint.AttemptFailed(ThreeDays, Now + TimeSpan.FromDays(2));
        endpoint.AttemptFailed(ThreeDays, Now + TimeSpan.FromDays(4));

        Assert.True(endpoint.IsEnabled);
        Assert.Equal(Now + TimeSpan.FromDays(2), endpoint.FailingSince);
    }

    [Fact]
    public void Enabling_clears_why_it_was_disabled_and_the_failures_and_a_second_disable_keeps_the_first_reason()
    {
        var endpoint = NewEndpoint();
        endpoint.Disable(WebhookDisabledReason.OwnerDeactivated, Now);
        endpoint.Disable(WebhookDisabledReason.Manually, Now.AddHours(1));
        Assert.Equal((false, WebhookDisabledReason.OwnerDeactivated, Now), (endpoint.IsEnabled, endpoint.DisabledReason, endpoint.DisabledAt));

        endpoint.Enable(Now.AddHours(2));

        Assert.Equal((true, (WebhookDisabledReason?)null, (DateTimeOffset?)null, (DateTimeOffset?)null), (endpoint.IsEnabled, endpoint.DisabledReason, endpoint.DisabledAt, endpoint.FailingSince));
    }

    [Fact]
    public void An_admin_oversees_every_endpoint_but_manages_only_partners_a_merchant_its_own_and_nobody_else_any()
    {
        var merchant = new Actor(ActorType.Merchant, Guid.NewGuid(), "M");
        var mine = WebhookEndpoint.Create(WebhookOwner.Merchant(merchant.Id), 1, "https://hooks.example.com/", [WebhookEventTypes.OrderCreated], "p", Now);
        var partners = WebhookEndpoint.Create(WebhookOwner.Partner(Guid.NewGuid()), 1, "https://hooks.example.com/", [WebhookEventTypes.OrderCreated], "p", Now);

        Assert.True(mine.IsManagedBy(merchant));
        Assert.False(partners.IsManagedBy(merchant));
        Assert.False(mine.IsManagedBy(OrderFactory.Admin));
        Assert.True(mine.IsOverseenBy(OrderFactory.Admin));
        Assert.True(partners.IsManagedBy(OrderFactory.Admin));
        Assert.True(mine.IsOverseenBy(merchant));
        Assert.False(mine.IsOverseenBy(OrderFactory.OtherMerchant));
        Assert.False(mine.IsManagedBy(OrderFactory.OtherMerchant));
        Assert.False(partners.IsManagedBy(OrderFactory.Partner));
        Assert.False(mine.IsManagedBy(OrderFactory.Courier));
    }

    [Fact]
    public void An_order_as_of_an_earlier_event_shows_that_events_status_and_assignees_not_the_later_ones()
    {
        var order = OrderFactory.In(OrderStatus.InTransit, OrderFactory.Assignee.Partner);

        var asCreated = order.AsOf(OrderStatus.Pending, null, null, Now);

        Assert.Equal((OrderStatus.Pending, (Guid?)null, (Guid?)null, Now), (asCreated.Status, asCreated.AssignedCourierId, asCreated.AssignedPartnerId, asCreated.UpdatedAt));
        Assert.Equal([OrderStatus.Confirmed, OrderStatus.Cancelled], asCreated.AllowedTransitionsFor(OrderFactory.Merchant));
        Assert.Equal((order.Id, order.Customer, order.Total), (asCreated.Id, asCreated.Customer, asCreated.Total));
        Assert.Equal(OrderStatus.InTransit, order.Status);
        Assert.NotNull(order.AssignedPartnerId);
    }
}
