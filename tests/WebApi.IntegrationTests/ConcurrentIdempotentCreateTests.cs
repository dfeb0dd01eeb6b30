using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Twenty identical creates at once: the first does the work and the other nineteen wait for it and replay its answer.
/// How long a repeat waits is a bound, not a delay (a repeat returns the moment the first commits), so it is generous
/// here: on a loaded 2-core machine the first create took longer than the 0.3 s that <see cref="IdempotencyTests"/>
/// uses to test the give-up answer, and some repeats then got 409 instead of the replay (the flaky failure of issue 16).
/// </summary>
public sealed class ConcurrentIdempotentCreateTests(ConcurrentIdempotentCreateTests.Factory api) : IClassFixture<ConcurrentIdempotentCreateTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Idempotency:InFlightWait"] = "00:02:00" };
    }

    private static HttpRequestMessage Create(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task Twenty_concurrent_creates_with_one_key_make_one_order_and_twenty_identical_responses()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();
        var body = OrderRequests.ValidOrder(customerName: "Retry Rita");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => merchant.SendAsync(Create(key, body))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses.Select(r => r.Headers.Location!.ToString()).Distinct());
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
        Assert.Equal(19, responses.Count(r => r.Headers.Contains("Idempotent-Replayed")));
        Assert.Equal(1, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id))));
        Assert.Equal(1, await api.WithDbAsync(db => Task.FromResult(db.OrderHistory.Count(h => h.ActorId == user.Id))));
    }
}
