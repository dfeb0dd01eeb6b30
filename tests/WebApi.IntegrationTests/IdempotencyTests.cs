using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Idempotency;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class IdempotencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
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

/// <summary>
/// A key is held by the batch of its first use while that batch runs: a repeat waits for it to end and then gets its
/// answer (it committed) or does the work itself (it rolled back). Nothing else holds a key, so a repeat never waits
/// for more than one batch of the first request.
/// </summary>
public sealed class IdempotencyInFlightTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_repeat_that_meets_the_first_batch_running_waits_for_it_then_replays_or_does_the_work(bool firstCommits)
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();
        var body = OrderRequests.ValidOrder(customerName: "In Flight");
        var fingerprintSource = Guid.NewGuid().ToString();
        var stored = await (await merchant.SendAsync(IdempotencyTests.Create(fingerprintSource, body))).Content.ReadAsStringAsync();
        var hash = await api.WithDbAsync(db => Task.FromResult(db.Set<IdempotencyRecord>().Single(r => r.Key == fingerprintSource).RequestHash));

        // Stand in for the first request's batch mid-flight: its key and result inserted, not yet committed.
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO idempotency_records (caller_scope, key, request_hash, response_body, created_at) VALUES (@scope, @key, @hash, @body, now())", connection, transaction))
        {
            insert.Parameters.AddWithValue("scope", $"Merchant:{user.Id}");
            insert.Parameters.AddWithValue("key", key);
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("body", stored);
            await insert.ExecuteNonQueryAsync();
        }

        var ordersBefore = await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id)));
        var repeat = merchant.SendAsync(IdempotencyTests.Create(key, body));
        await WaitUntilAStatementWaitsOnATransactionAsync(connection, transaction);
        Assert.False(repeat.IsCompleted);
        if (firstCommits)
        {
            await transaction.CommitAsync();
        }
        else
        {
            await transaction.RollbackAsync();
        }

        var response = await repeat;
        await response.ShouldBeAsync(HttpStatusCode.Created);
        var ordersAfter = await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id)));
        if (firstCommits)
        {
            Assert.True(response.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(stored, await response.Content.ReadAsStringAsync());
            Assert.Equal(ordersBefore, ordersAfter);
        }
        else
        {
            Assert.False(response.Headers.Contains("Idempotent-Replayed"));
            Assert.Equal(ordersBefore + 1, ordersAfter);
        }
    }

    /// <summary>Until the repeat's INSERT under the key is waiting for the open transaction (not a timed pause).</summary>
    private static async Task WaitUntilAStatementWaitsOnATransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'transactionid'",
            connection, transaction);
        while ((long)(await waiting.ExecuteScalarAsync())! == 0)
        {
            await Task.Delay(20);
        }
    }
}
