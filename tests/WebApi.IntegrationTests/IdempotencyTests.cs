using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Idempotency;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class IdempotencyTests(IdempotencyTests.Factory api) : IClassFixture<IdempotencyTests.Factory>
{
    /// <summary>
    /// Repeats wait for the first request with their key as long as it takes: they return as soon as it commits, so
    /// this is a bound, not a delay. With a short wait here the repeats got 409 whenever the first request took longer
    /// than that to commit, as it does on a loaded machine.
    /// </summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Idempotency:InFlightWait"] = "00:02:00" };
    }

    internal static HttpRequestMessage Create(string key, object body)
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

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();
        (await merchant.SendAsync(Create(key, OrderRequests.ValidOrder(customerName: "First")))).EnsureSuccessStatusCode();

        var second = await merchant.SendAsync(Create(key, OrderRequests.ValidOrder(customerName: "Second")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.EndsWith("/idempotency-key-reused", (await second.ProblemAsync()).Type);
        Assert.Equal(1, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id))));
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_caller_and_a_failed_request_leaves_its_key_unused()
    {
        var (merchantA, _) = await api.SignedInAsync(UserRole.Merchant);
        var (merchantB, _) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();

        var a = await merchantA.SendAsync(Create(key, OrderRequests.ValidOrder()));
        var b = await merchantB.SendAsync(Create(key, OrderRequests.ValidOrder()));
        Assert.NotEqual((await a.ReadAsync<OrderResponse>()).Id, (await b.ReadAsync<OrderResponse>()).Id);

        var otherKey = Guid.NewGuid().ToString();
        var invalid = await merchantA.SendAsync(Create(otherKey, new { currency = "GBP" }));
        var valid = await merchantA.SendAsync(Create(otherKey, new { currency = "GBP" }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, valid.StatusCode);
        Assert.False(valid.Headers.Contains("Idempotent-Replayed"));

        var tooLong = await merchantA.SendAsync(Create(new string('k', 256), OrderRequests.ValidOrder()));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Keys_older_than_24_hours_are_pruned()
    {
        await using (var connection = new NpgsqlConnection(api.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = new NpgsqlCommand(
                "INSERT INTO idempotency_records (caller_scope, key, request_hash, created_at) VALUES ('Merchant:old', 'old', 'x', now() - interval '25 hours'), ('Merchant:new', 'new', 'x', now())",
                connection);
            await insert.ExecuteNonQueryAsync();
        }

        await using var scope = api.Services.CreateAsyncScope();
        var deleted = await scope.ServiceProvider.GetRequiredService<IdempotencyStore>().PruneAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        var keys = await api.WithDbAsync(db => Task.FromResult(db.Set<IdempotencyRecord>().Select(r => r.Key).ToList()));
        Assert.DoesNotContain("old", keys);
        Assert.Contains("new", keys);
    }
}

/// <summary>A first request that never commits: the repeat gives up after the (short) in-flight wait with 409.</summary>
public sealed class IdempotencyInFlightTests(IdempotencyInFlightTests.Factory api) : IClassFixture<IdempotencyInFlightTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Idempotency:InFlightWait"] = "00:00:00.300" };
    }

    [Fact]
    public async Task While_the_first_request_with_a_key_is_still_running_a_repeat_gets_409()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();

        // Stand in for a first request mid-flight: its key is inserted in a transaction that has not committed.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO idempotency_records (caller_scope, key, request_hash, created_at) VALUES (@scope, @key, 'x', now())", connection, transaction))
        {
            insert.Parameters.AddWithValue("scope", $"Merchant:{user.Id}");
            insert.Parameters.AddWithValue("key", key);
            await insert.ExecuteNonQueryAsync();
        }

        var repeat = await merchant.SendAsync(IdempotencyTests.Create(key, OrderRequests.ValidOrder()));
        await transaction.RollbackAsync();
        var afterFirstGaveUp = await merchant.SendAsync(IdempotencyTests.Create(key, OrderRequests.ValidOrder()));

        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.EndsWith("/idempotency-in-flight", (await repeat.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.Created, afterFirstGaveUp.StatusCode);
    }
}
