using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Exports hold a connection for as long as their client reads, so a few clients reading slowly must not take the
/// connections every other request needs. Here the application's pool has 8 connections, a user may stream 2 exports
/// and the instance 3, on a pool of their own; each export is far larger than what the server buffers for an unread
/// response, so an export whose client stops reading holds its connection.
/// </summary>
public sealed class ExportLimitTests(ExportLimitTests.Factory api) : IClassFixture<ExportLimitTests.Factory>
{
    /// <summary>About 500 kB of CSV: eight times what the in-memory server buffers before the writer waits for the reader.</summary>
    private const int OrdersPerMerchant = 1500;

    /// <summary>A connection the pool cannot hand out within this is refused (the default is 15 s).</summary>
    private const int PoolWaitSeconds = 3;

    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderTracking"] = new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 8, Timeout = PoolWaitSeconds }.ConnectionString,
            ["Exports:MaxConcurrentPerUser"] = "2",
            ["Exports:MaxConcurrent"] = "3",
        };
    }

    [Fact]
    public async Task A_third_export_of_one_user_gets_429_and_past_the_instance_limit_503_while_other_routes_keep_answering()
    {
        var (first, firstOrders) = await MerchantWithOrdersAsync();
        var (second, _) = await MerchantWithOrdersAsync();
        var (third, _) = await MerchantWithOrdersAsync();
        var open = new List<HttpResponseMessage>();
        try
        {
            open.Add(await StartSlowExportAsync(first));
            open.Add(await StartSlowExportAsync(first));

            var overUserLimit = await first.GetAsync("/api/orders/export");
            await overUserLimit.ShouldBeAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("/problems/too-many-requests", (await overUserLimit.ProblemAsync()).Type);
            Assert.Equal(TimeSpan.FromSeconds(10), overUserLimit.Headers.RetryAfter?.Delta);

            open.Add(await StartSlowExportAsync(second));
            var overInstanceLimit = await third.GetAsync("/api/orders/export");
            await overInstanceLimit.ShouldBeAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("/problems/service-unavailable", (await overInstanceLimit.ProblemAsync()).Type);
            Assert.NotNull(overInstanceLimit.Headers.RetryAfter?.Delta);

            // Three exports stalled mid-stream; every other route of every user still gets a connection at once (a request
            // that waited for one would have waited PoolWaitSeconds and then failed).
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < 5; round++)
            {
                await (await first.GetAsync("/api/orders?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
                await (await first.GetAsync($"/api/orders/{firstOrders}")).ShouldBeAsync(HttpStatusCode.OK);
                await (await second.GetAsync("/api/auth/me")).ShouldBeAsync(HttpStatusCode.OK);
                await third.CreateOrderAsync();
            }

            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(PoolWaitSeconds * 5));
        }
        finally
        {
            open.ForEach(response => response.Dispose());
        }

        // A stalled export that is let go frees its slot: the user may export again.
        var again = await Eventually.WaitForAsync(async () => (await first.GetAsync("/api/orders/export", HttpCompletionOption.ResponseHeadersRead)), r => r.StatusCode == HttpStatusCode.OK);
        await again.ShouldBeAsync(HttpStatusCode.OK);
        again.Dispose();
    }

    [Fact]
    public async Task The_export_runs_on_a_pool_of_its_own_under_its_own_longer_statement_timeout()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await using var export = scope.ServiceProvider.GetRequiredService<StreamingReads>().CreateContext();
        var app = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal("30s", await SettingAsync(app, "statement_timeout"));
        Assert.Equal("5min", await SettingAsync(export, "statement_timeout"));
        var exportPool = new NpgsqlConnectionStringBuilder(export.Database.GetConnectionString());
        var appPool = new NpgsqlConnectionStringBuilder(app.Database.GetConnectionString());
        Assert.Equal((appPool.Host, appPool.Database), (exportPool.Host, exportPool.Database));
        Assert.Equal((8, 3), (appPool.MaxPoolSize, exportPool.MaxPoolSize));
    }

    private static Task<string> SettingAsync(AppDbContext db, string name) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();

    /// <summary>An export whose client reads its first bytes and then nothing: the server has answered 200 and is stuck writing.</summary>
    private static async Task<HttpResponseMessage> StartSlowExportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/orders/export", HttpCompletionOption.ResponseHeadersRead);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var stream = await response.Content.ReadAsStreamAsync();
        var firstBytes = new byte[64];
        await stream.ReadAtLeastAsync(firstBytes, firstBytes.Length);
        return response;
    }

    private async Task<(HttpClient Client, Guid AnOrder)> MerchantWithOrdersAsync()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();
        await OrderCopies.InsertAsync(api.ConnectionString, order.Id, OrdersPerMerchant - 1);
        return (merchant, order.Id);
    }
}
