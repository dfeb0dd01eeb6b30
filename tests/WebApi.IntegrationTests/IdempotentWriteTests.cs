using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A client whose answer was lost retries a status change, an assignment or a claim with the same Idempotency-Key:
/// it gets the first answer again, and the order's history holds the step once.
/// </summary>
public sealed class IdempotentWriteTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static HttpRequestMessage Post(string path, string key, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<int> HistoryCountAsync(HttpClient client, Guid orderId) =>
        (await (await client.GetAsync($"/api/orders/{orderId}/history")).ReadAsync<List<HistoryEntryResponse>>()).Count;

    [Fact]
    public async Task A_retried_status_change_with_the_same_key_replays_the_first_answer_and_writes_one_entry()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        var key = Guid.NewGuid().ToString();
        var body = new { status = "Confirmed" };

        var first = await merchant.SendAsync(Post($"/api/orders/{order.Id}/status", key, body));
        var retry = await merchant.SendAsync(Post($"/api/orders/{order.Id}/status", key, body));

        await first.ShouldBeAsync(HttpStatusCode.OK);
        await retry.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        var history = await (await merchant.GetAsync($"/api/orders/{order.Id}/history")).ReadAsync<List<HistoryEntryResponse>>();
        Assert.Single(history, h => h.To == OrderStatus.Confirmed);
    }

    [Fact]
    public async Task The_same_key_with_another_status_is_422_and_changes_nothing()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        var key = Guid.NewGuid().ToString();
        await (await merchant.SendAsync(Post($"/api/orders/{order.Id}/status", key, new { status = "Confirmed" }))).ShouldBeAsync(HttpStatusCode.OK);

        var other = await merchant.SendAsync(Post($"/api/orders/{order.Id}/status", key, new { status = "Cancelled", reason = "Changed my mind" }));

        await other.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("/problems/idempotency-key-reused", (await other.ProblemAsync()).Type);
        Assert.Equal(OrderStatus.Confirmed, (await (await merchant.GetAsync($"/api/orders/{order.Id}")).ReadAsync<OrderResponse>()).Status);
    }

    [Fact]
    public async Task A_retried_assignment_with_the_same_key_replays_and_records_the_assignment_once()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        var entriesBefore = await HistoryCountAsync(merchant, order.Id);
        var key = Guid.NewGuid().ToString();

        var first = await merchant.SendAsync(Post($"/api/orders/{order.Id}/assignment", key, new { courierId = courier.Id }));
        var retry = await merchant.SendAsync(Post($"/api/orders/{order.Id}/assignment", key, new { courierId = courier.Id }));
        var another = await merchant.SendAsync(Post($"/api/orders/{order.Id}/assignment", key, new { courierId = Guid.NewGuid() }));

        await first.ShouldBeAsync(HttpStatusCode.OK);
        await retry.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await another.ShouldBeAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(entriesBefore + 1, await HistoryCountAsync(merchant, order.Id));
    }

    [Fact]
    public async Task A_retried_claim_with_the_same_key_replays_instead_of_409()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.ReadyForPickupAsync();
        var entriesBefore = await HistoryCountAsync(merchant, order.Id);
        var key = Guid.NewGuid().ToString();

        var first = await courier.SendAsync(Post($"/api/orders/{order.Id}/claim", key, null));
        var retry = await courier.SendAsync(Post($"/api/orders/{order.Id}/claim", key, null));

        await first.ShouldBeAsync(HttpStatusCode.OK);
        await retry.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(courierUser.Id, (await retry.ReadAsync<OrderResponse>()).AssignedCourierId);
        Assert.Equal(entriesBefore + 1, await HistoryCountAsync(merchant, order.Id));
    }
}
