using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// How many database round trips each write route (and the hot reads) makes, counted at the database client
/// (<see cref="RoundTrips"/>): a change that adds one fails here, whatever the benchmark's noise. The counts are the
/// ones bench/README.md's round-trip table gives.
/// </summary>
public sealed class RoundTripTests(RoundTripTests.Factory api, ITestOutputHelper output) : IClassFixture<RoundTripTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        public RoundTrips RoundTrips { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(RoundTrips));
                services.Configure<MvcOptions>(mvc => mvc.Filters.Add(RoundTrips.Filter()));
            });
        }
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<string> Statements)> CountAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? idempotencyKey = null)
    {
        var id = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add(RoundTrips.HeaderName, id);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        var statements = api.RoundTrips.Of(id);
        output.WriteLine($"{method} {path}{(idempotencyKey is null ? string.Empty : " + Idempotency-Key")}: {statements.Count} round trips");
        foreach (var statement in statements)
        {
            output.WriteLine("  " + statement.ReplaceLineEndings(" ")[..Math.Min(160, statement.Length)]);
        }

        return (response, statements);
    }

    [Fact]
    public async Task Create_costs_its_pickup_lookup_and_one_batch_and_a_new_key_travels_in_that_batch()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var (plain, plainTrips) = await CountAsync(merchant, HttpMethod.Post, "/api/orders", OrderRequests.ValidOrder());
        var (keyed, keyedTrips) = await CountAsync(merchant, HttpMethod.Post, "/api/orders", OrderRequests.ValidOrder(), Guid.NewGuid().ToString());

        await plain.ShouldBeAsync(HttpStatusCode.Created);
        await keyed.ShouldBeAsync(HttpStatusCode.Created);
        // The merchant's default pickup location (copied onto the order), then one batch: the order, its items, its
        // history entry and its outbox row, which PostgreSQL runs as one transaction. With a new key the key and the
        // result join that batch (before the redesign: 3 and 8; with a claim in its own transaction: 2 and 5).
        Assert.Equal(2, plainTrips.Count);
        Assert.Equal(2, keyedTrips.Count);
        Assert.Contains("INSERT INTO idempotency_records", keyedTrips[^1]);
        Assert.Contains("INSERT INTO orders", keyedTrips[^1]);
    }

    [Fact]
    public async Task A_status_change_costs_its_load_and_one_batch_and_a_new_key_travels_in_that_batch()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var (plain, plainTrips) = await CountAsync(merchant, HttpMethod.Post, $"/api/orders/{order.Id}/status", new { status = "Confirmed" });
        var (keyed, keyedTrips) = await CountAsync(merchant, HttpMethod.Post, $"/api/orders/{order.Id}/status", new { status = "Preparing" }, Guid.NewGuid().ToString());

        await plain.ShouldBeAsync(HttpStatusCode.OK);
        await keyed.ShouldBeAsync(HttpStatusCode.OK);
        // Load, save: a save from a stale version fails inside its batch (its timeline entry's version is taken), so the
        // batch needs no transaction of its own. With a new key the key and the result join that batch (before: 3 and 8;
        // with a claim in its own transaction: 3 and 5).
        Assert.Equal(2, plainTrips.Count);
        Assert.Equal(2, keyedTrips.Count);
        Assert.DoesNotContain(plainTrips.Concat(keyedTrips), statement => statement.Contains("COMMIT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Assignment_and_claim_cost_their_reads_and_one_batch()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, courierUser) = await api.SignedInAsync(UserRole.Delivery);
        var assigned = await merchant.ReadyForPickupAsync();
        var claimed = await merchant.ReadyForPickupAsync();

        var (assignment, assignmentTrips) = await CountAsync(merchant, HttpMethod.Post, $"/api/orders/{assigned.Id}/assignment", new { courierId = courierUser.Id });
        var (claim, claimTrips) = await CountAsync(courier, HttpMethod.Post, $"/api/orders/{claimed.Id}/claim");

        await assignment.ShouldBeAsync(HttpStatusCode.OK);
        await claim.ShouldBeAsync(HttpStatusCode.OK);
        // The order, the courier and the save; the claim: the order and the save (before: 4 and 3, each with a COMMIT).
        Assert.Equal(3, assignmentTrips.Count);
        Assert.Equal(2, claimTrips.Count);
    }

    [Fact]
    public async Task A_refresh_reads_its_token_once()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var login = await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<LoginResponse>();
        api.RememberSecret(login.RefreshToken!);

        var (refresh, trips) = await CountAsync(api.CreateClient(), HttpMethod.Post, "/api/auth/refresh", new { refreshToken = login.RefreshToken });

        await refresh.ShouldBeAsync(HttpStatusCode.OK);
        api.RememberSecret((await refresh.ReadAsync<LoginResponse>()).RefreshToken!);
        // The token with its session (whose bucket the refresh draws from) in one statement, the user, the batch with
        // the successor, COMMIT. The rate limit had read the token and its session before the handler read them again
        // (7); then the token and the session were two statements (5).
        var lookup = Assert.Single(trips, statement => statement.Contains("FROM refresh_tokens", StringComparison.Ordinal));
        Assert.Contains("session_families", lookup, StringComparison.Ordinal);
        Assert.Equal(4, trips.Count);
    }

    [Fact]
    public async Task The_hot_reads_are_one_round_trip_each()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var (get, getTrips) = await CountAsync(merchant, HttpMethod.Get, $"/api/orders/{order.Id}");
        var (tracking, trackingTrips) = await CountAsync(merchant, HttpMethod.Get, $"/api/tracking/{order.TrackingCode}");
        var (list, listTrips) = await CountAsync(merchant, HttpMethod.Get, "/api/orders?limit=25");

        // Out for delivery the tracking page also has its courier, its map and its arrival window from the merchant's
        // history: still the same one statement (the live-map work had made it three).
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var outForDelivery = await merchant.ReadyForPickupAsync();
        (await courier.PostAsync($"/api/orders/{outForDelivery.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(outForDelivery.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(outForDelivery.Id, OrderStatus.InTransit);
        var (onItsWay, onItsWayTrips) = await CountAsync(api.CreateClient(), HttpMethod.Get, $"/api/tracking/{outForDelivery.TrackingCode}");

        await get.ShouldBeAsync(HttpStatusCode.OK);
        await tracking.ShouldBeAsync(HttpStatusCode.OK);
        await list.ShouldBeAsync(HttpStatusCode.OK);
        await onItsWay.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Single(getTrips);
        Assert.Single(trackingTrips);
        Assert.Single(listTrips);
        Assert.Single(onItsWayTrips);
    }
}
