using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class OrderPagingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Paging_through_500_orders_while_new_ones_arrive_returns_every_old_order_exactly_once()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var existing = new HashSet<Guid>();
        foreach (var chunk in Enumerable.Range(0, 500).Chunk(10))
        {
            var created = await Task.WhenAll(chunk.Select(i => merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: $"Customer {i}"))));
            existing.UnionWith(created.Select(o => o.Id));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await merchant.GetFromJsonAsync<OrderPageResponse>($"/api/orders?limit=37{(cursor is null ? string.Empty : "&cursor=" + cursor)}", Json.Options);
            seen.AddRange(page!.Items.Select(o => o.Id));
            Assert.True(page.Items.Zip(page.Items.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt));
            cursor = page.NextCursor;
            pages++;
            await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: $"Latecomer {pages}"));
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(existing.Except(seen));
        Assert.Equal(14, pages);
    }

    [Fact]
    public async Task Filters_combine_and_bad_paging_parameters_are_400()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var alice = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Alice Liddell"));
        var bob = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Bob 100% Builder"));
        await merchant.MoveAsync(bob.Id, OrderTracking.Domain.Orders.OrderStatus.Confirmed);

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await merchant.GetFromJsonAsync<OrderPageResponse>("/api/orders?" + query, Json.Options))!.Items.Select(o => o.Id);

        Assert.Equal([alice.Id], await Ids("search=liddell"));
        Assert.Equal([bob.Id], await Ids("search=100%25"));
        Assert.Equal([bob.Id], await Ids("search=" + bob.TrackingCode.ToLowerInvariant()));
        Assert.Equal([bob.Id], await Ids("status=Confirmed"));
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), (await Ids("status=Confirmed&status=Pending")).Order());
        Assert.Empty(await Ids("createdFrom=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))));
        Assert.Equal(2, (await Ids("createdTo=" + Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O")))).Count());

        foreach (var bad in new[] { "limit=0", "limit=101", "cursor=not-a-cursor", "status=Lost", "createdFrom=yesterday" })
        {
            var response = await merchant.GetAsync("/api/orders?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            await response.ProblemAsync();
        }
    }
}
