using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The dispatcher's filters on the order list: <c>assignment=unassigned</c> and <c>overdue</c>. Overdue is judged at the
/// app's clock, which these tests move forward (<see cref="AdjustableClock"/>): an estimate cannot be given in the past,
/// so orders are created due soon and then the clock passes their estimate. Access tokens are checked against the real
/// time, so every test signs in before it moves the clock.
/// </summary>
public sealed class OrderDispatchFilterTests(OrderDispatchFilterTests.Factory api) : IClassFixture<OrderDispatchFilterTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        public AdjustableClock Clock { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    // Every test delivers to a town of its own and searches for it, so the orders of the other tests stay out of its lists.
    private static object OrderTo(string town, TimeSpan? dueIn = null) => new
    {
        customer = new { name = "Dispatch Customer", phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "3 Mill Lane", city = town, postalCode = "DP1 1AA", country = "United Kingdom" },
        items = new[] { new { name = "Parcel", quantity = 1, unitPrice = 5m } },
        currency = "GBP",
        estimatedDeliveryAt = dueIn is { } inTime ? DateTimeOffset.UtcNow + inTime : (DateTimeOffset?)null,
    };

    private static async Task<List<OrderResponse>> AllPagesAsync(HttpClient client, string query, int limit = 25)
    {
        var orders = new List<OrderResponse>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<OrderPageResponse>(
                $"/api/orders?{query}&limit={limit}{(cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor))}", Json.Options);
            Assert.True(page!.Items.Count <= limit);
            orders.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return orders;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query, int limit = 25) =>
        (await AllPagesAsync(client, query, limit)).Select(o => o.Id).Order().ToList();

    private static List<Guid> Sorted(params IEnumerable<Guid> ids) => ids.Order().ToList();

    private static async Task<int> CountAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/orders/count?" + query, Json.Options)).GetProperty("count").GetInt32();

    private static async Task AssignAsync(HttpClient client, Guid orderId, object assignee) =>
        await (await client.PostAsJsonAsync($"/api/orders/{orderId}/assignment", assignee)).ShouldBeAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Unassigned_keeps_the_open_orders_with_neither_a_courier_nor_a_partner()
    {
        api.Clock.Reset();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (otherMerchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Dispatch Partner {Guid.NewGuid():N}" })).ReadAsync<JsonElement>();
        const string town = "Unassignedbury";

        var pending = await merchant.CreateOrderAsync(OrderTo(town));
        var confirmed = await merchant.CreateOrderAsync(OrderTo(town));
        await merchant.MoveAsync(confirmed.Id, OrderStatus.Confirmed);
        var withCourier = await merchant.CreateOrderAsync(OrderTo(town));
        await AssignAsync(merchant, withCourier.Id, new { courierId = courier.Id });
        var withPartner = await merchant.CreateOrderAsync(OrderTo(town));
        await AssignAsync(admin, withPartner.Id, new { partnerId = partner.GetProperty("id").GetGuid() });
        var cancelled = await merchant.CreateOrderAsync(OrderTo(town));
        await merchant.MoveAsync(cancelled.Id, OrderStatus.Cancelled, reason: "Customer changed their mind");
        var otherMerchants = await otherMerchant.CreateOrderAsync(OrderTo(town));

        var search = "search=" + town;
        Assert.Equal(6, (await IdsAsync(admin, search)).Count);
        Assert.Equal(Sorted(pending.Id, confirmed.Id, otherMerchants.Id), await IdsAsync(admin, search + "&assignment=unassigned"));
        Assert.Equal(Sorted(pending.Id, confirmed.Id, otherMerchants.Id), await IdsAsync(admin, search + "&assignment=Unassigned", limit: 1));
        Assert.Equal(Sorted(confirmed.Id), await IdsAsync(admin, search + "&assignment=unassigned&status=Confirmed"));
        Assert.Equal(3, await CountAsync(admin, search + "&assignment=unassigned"));

        // A merchant filters within its own orders, as with every other filter.
        Assert.Equal(Sorted(pending.Id, confirmed.Id), await IdsAsync(merchant, search + "&assignment=unassigned"));
    }

    [Fact]
    public async Task Overdue_keeps_the_open_orders_past_their_estimate_at_the_apps_clock_and_pages_with_the_other_filters()
    {
        api.Clock.Reset();
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        const string town = "Latecombe";

        var late = new List<OrderResponse>();
        for (var i = 0; i < 5; i++)
        {
            late.Add(await merchant.CreateOrderAsync(OrderTo(town, dueIn: TimeSpan.FromHours(1))));
        }

        var lateButCancelled = await merchant.CreateOrderAsync(OrderTo(town, dueIn: TimeSpan.FromHours(1)));
        await merchant.MoveAsync(lateButCancelled.Id, OrderStatus.Cancelled, reason: "Out of stock");
        var dueTomorrow = await merchant.CreateOrderAsync(OrderTo(town, dueIn: TimeSpan.FromDays(1)));
        var withoutEstimate = await merchant.CreateOrderAsync(OrderTo(town));
        await AssignAsync(admin, late[1].Id, new { courierId = courier.Id });
        await AssignAsync(admin, late[3].Id, new { courierId = courier.Id });

        var search = "search=" + town;
        Assert.Empty(await IdsAsync(admin, search + "&overdue=true"));

        api.Clock.Advance(TimeSpan.FromHours(2));

        var overdue = await AllPagesAsync(admin, search + "&overdue=true", limit: 2);
        Assert.Equal(Sorted(late.Select(o => o.Id)), Sorted(overdue.Select(o => o.Id)));
        Assert.All(overdue, o => Assert.True(o.IsOverdue));
        Assert.True(overdue.Zip(overdue.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt));
        Assert.Equal(Sorted(lateButCancelled.Id, dueTomorrow.Id, withoutEstimate.Id), await IdsAsync(admin, search + "&overdue=false", limit: 1));
        Assert.Equal(5, await CountAsync(admin, search + "&overdue=true"));

        // Both dispatcher filters at once, a page of one at a time.
        Assert.Equal(Sorted(late[0].Id, late[2].Id, late[4].Id), await IdsAsync(admin, search + "&overdue=true&assignment=unassigned", limit: 1));
        Assert.Equal(Sorted(late.Select(o => o.Id)), await IdsAsync(merchant, search + "&overdue=true", limit: 2));
        api.Clock.Reset();
    }

    [Theory]
    [InlineData("assignment=assigned", "assignment")]
    [InlineData("assignment=7", "assignment")]
    [InlineData("overdue=maybe", "overdue")]
    [InlineData("overdue=yes&assignment=unassigned", "overdue")]
    public async Task A_filter_value_the_api_does_not_know_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);

        foreach (var path in new[] { "/api/orders?", "/api/orders/count?" })
        {
            var response = await admin.GetAsync(path + query);

            await response.ShouldBeAsync(HttpStatusCode.BadRequest);
            var problem = await response.ProblemAsync();
            Assert.Equal([parameter], problem.Errors!.Keys);
        }
    }
}
