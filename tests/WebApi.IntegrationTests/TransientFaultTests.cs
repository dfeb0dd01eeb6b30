using System.Data;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The server kills the app's pooled connections between two requests (as a PostgreSQL restart or a failover
/// does): the next request meets a dead connection on its first statement and is retried inside the request.
/// </summary>
public sealed class TransientFaultTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task An_idempotent_create_after_the_pooled_connections_were_killed_succeeds_and_makes_one_order()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        await merchant.CreateOrderAsync();
        await KillPooledConnectionsAsync(merchant);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(OrderRequests.ValidOrder("Killed Connection Kim")) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await merchant.SendAsync(request);

        await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(2, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id))));
    }

    [Fact]
    public async Task A_status_change_after_the_pooled_connections_were_killed_succeeds_and_writes_one_history_entry()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        await KillPooledConnectionsAsync(merchant);

        var response = await merchant.ChangeStatusAsync(order.Id, OrderStatus.Confirmed);

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var history = await (await merchant.GetAsync($"/api/orders/{order.Id}/history")).ReadAsync<List<HistoryEntryResponse>>();
        Assert.Single(history, h => h.To == OrderStatus.Confirmed);
    }

    /// <summary>
    /// Queries are retried whole (QueryRetryBehaviour), not statement by statement, so that EF Core reads their rows as
    /// they come instead of buffering them; a dead pooled connection still costs the reader nothing.
    /// </summary>
    [Fact]
    public async Task Reads_after_the_pooled_connections_were_killed_are_retried_whole_and_succeed()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        // Each read is checked before the next kill: a read that failed leaves no connection behind to kill.
        await KillPooledConnectionsAsync(merchant);
        var one = await merchant.GetAsync($"/api/orders/{order.Id}");
        await one.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(order.Id, (await one.ReadAsync<OrderResponse>()).Id);

        await KillPooledConnectionsAsync(merchant);
        var page = await merchant.GetAsync("/api/orders?limit=25");
        await page.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains(order.Id.ToString(), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await KillPooledConnectionsAsync(merchant);
        var tracking = await merchant.GetAsync($"/api/tracking/{order.TrackingCode}");
        await tracking.ShouldBeAsync(HttpStatusCode.OK);
    }

    /// <summary>
    /// The promise behind that retry: a query retried whole is not buffered. Buffered, EF Core has read the whole result
    /// and closed the reader before the first row reaches the caller; streamed, the connection is still fetching then.
    /// The context's own (statement-retrying) strategy buffers, which shows the check tells the two apart.
    /// </summary>
    [Fact]
    public async Task A_query_retried_whole_reads_its_rows_as_they_arrive_where_the_statement_retrying_strategy_buffers()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        await merchant.CreateOrderAsync();
        await merchant.CreateOrderAsync();
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var retries = scope.ServiceProvider.GetRequiredService<IQueryRetries>();

        async Task<ConnectionState> AtTheFirstRowAsync(CancellationToken cancellationToken)
        {
            await foreach (var _ in db.Orders.AsNoTracking().Select(o => o.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                return ((NpgsqlConnection)db.Database.GetDbConnection()).FullState;
            }

            throw new InvalidOperationException("there were orders to read");
        }

        var wholeQueryRetried = await retries.RetryingAsync(AtTheFirstRowAsync, CancellationToken.None);
        var statementRetried = await db.Database.CreateExecutionStrategy().ExecuteAsync(AtTheFirstRowAsync, CancellationToken.None);

        Assert.Equal(ConnectionState.Open | ConnectionState.Fetching, wholeQueryRetried);
        Assert.Equal(ConnectionState.Open, statementRetried);
    }

    /// <summary>
    /// Kills the app's pooled connections, once it has some. A connection that breaks makes Npgsql clear its pool, so a
    /// background worker that meets a connection killed earlier can close the one the last request returned; then one
    /// more request pools a connection again, to be killed.
    /// </summary>
    private async Task KillPooledConnectionsAsync(HttpClient client)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            if (await KillAppConnectionsAsync() > 0)
            {
                return;
            }

            (await client.GetAsync("/api/orders?limit=1")).EnsureSuccessStatusCode();
        }

        Assert.Fail("the app never had a pooled connection to kill");
    }

    /// <summary>pg_terminate_backend on every connection of the app's database, from a connection of our own.</summary>
    private async Task<int> KillAppConnectionsAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(api.ConnectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var admin = new NpgsqlConnection(builder.ConnectionString);
        await admin.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", admin);
        kill.Parameters.AddWithValue("database", database);
        var killed = Convert.ToInt32(await kill.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // pg_terminate_backend only signals; wait until the backends are gone, so the next request meets dead connections.
        await using var gone = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @database", admin);
        gone.Parameters.AddWithValue("database", database);
        for (var i = 0; i < 100 && Convert.ToInt64(await gone.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0; i++)
        {
            await Task.Delay(20);
        }

        return killed;
    }
}
