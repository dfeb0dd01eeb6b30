using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.OrderTimeline;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Roll-ups made other than change by change: by the <c>Analytics_Rollups</c> migration for the orders that existed
/// before it, and by the <c>rebuild-analytics</c> operations verb, run as an operator runs it.
/// </summary>
public sealed class AnalyticsRollupMaintenanceTests
{
    private const string Range = "from=2026-06-01T00:00:00Z&to=2026-06-04T00:00:00Z";
    private static readonly DateTimeOffset From = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2026, 6, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Migrating_makes_the_roll_ups_of_the_orders_that_exist_already()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        var (admin, merchant) = await SignedInAsync(api);
        var orders = Orders(merchant, await api.CreateUserAsync(UserRole.Delivery));

        await api.WithDbAsync(async db =>
        {
            // The roll-ups' migration taken back and applied again on today's schema (the migrations after it stay:
            // migrating down to it would take back every later column the orders below are saved with).
            var assembly = db.GetService<IMigrationsAssembly>();
            var rollups = assembly.CreateMigration(assembly.Migrations.Single(m => m.Key.EndsWith("_Analytics_Rollups", StringComparison.Ordinal)).Value, db.Database.ProviderName!);
            var generator = db.GetService<IMigrationsSqlGenerator>();
            var executor = db.GetService<IMigrationCommandExecutor>();
            var connection = db.GetService<IRelationalConnection>();
            await executor.ExecuteNonQueryAsync(generator.Generate(rollups.DownOperations), connection);
            db.Orders.AddRange(orders);
            await db.SaveChangesAsync();
            await executor.ExecuteNonQueryAsync(generator.Generate(rollups.UpOperations), connection);
            return 0;
        });

        // Nothing was recorded (the orders came before the triggers): what the summary reads, the migration made.
        Assert.Equal(0, await CountAsync(api, "analytics_order_changes"));
        Assert.Equal(0, await CountAsync(api, "analytics_failure_changes"));
        await AssertSameAsRecountAsync(api, admin);
    }

    [Fact]
    public async Task The_rebuild_analytics_verb_makes_the_roll_ups_again_from_the_orders()
    {
        await using var api = new ApiFactory();
        await api.InitializeAsync();
        var (admin, merchant) = await SignedInAsync(api);
        var orders = Orders(merchant, await api.CreateUserAsync(UserRole.Delivery));
        await api.WithDbAsync(db =>
        {
            db.Orders.AddRange(orders);
            return db.SaveChangesAsync();
        });

        // Roll-ups that have lost track, as after a bulk load with the triggers disabled.
        await ExecuteAsync(api, "DELETE FROM analytics_order_changes; DELETE FROM analytics_failure_changes; DELETE FROM analytics_orders;");
        var lost = await (await admin.GetAsync("/api/analytics/summary?" + Range)).ReadAsync<AnalyticsSummaryResponse>();
        Assert.Equal(0, lost.TotalOrders);

        var (exitCode, output) = await WebApiProcess.RunVerbAsync(api.ConnectionString, "rebuild-analytics");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Analytics roll-ups rebuilt from {orders.Count} orders", output, StringComparison.Ordinal);
        await AssertSameAsRecountAsync(api, admin);
    }

    private static async Task<(HttpClient Admin, TestUser Merchant)> SignedInAsync(ApiFactory api)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        return (admin, await api.CreateUserAsync(UserRole.Merchant, displayName: "Gamma Grocers"));
    }

    /// <summary>Orders over three days with deliveries, a failure that was delivered later, a return and a cancellation.</summary>
    private static List<Order> Orders(TestUser merchant, TestUser courier)
    {
        var at = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        return
        [
            Build(merchant, courier, at, at.AddHours(4), [.. OutForDelivery(5, 10, 20, 5, 10, 15), To(OrderStatus.Delivered, 40)]),
            Build(merchant, courier, at.AddHours(15.5), null,
                [.. OutForDelivery(5, 5, 5, 5, 5, 5), Fail(DeliveryFailureReason.RecipientUnavailable, 30), To(OrderStatus.InTransit, 600), To(OrderStatus.Delivered, 20)]),
            Build(merchant, courier, at.AddDays(1), at.AddDays(1).AddHours(2),
                [.. OutForDelivery(1, 2, 3, 4, 5, 6), Fail(DeliveryFailureReason.Damaged, 10), To(OrderStatus.Returned, 120)]),
            Build(merchant, courier, at.AddDays(1).AddHours(3), null, To(OrderStatus.Confirmed, 10), Cancel(5)),
            Build(merchant, courier, at.AddDays(2).AddMinutes(-481), null),
            Build(merchant, courier, at.AddDays(2).AddHours(13), at.AddDays(2).AddHours(14), [.. OutForDelivery(2, 2, 2, 2, 2, 2), To(OrderStatus.Delivered, 30)]),
        ];
    }

    private static async Task AssertSameAsRecountAsync(ApiFactory api, HttpClient admin)
    {
        foreach (var zone in (string[])["UTC", "Asia/Kolkata"])
        {
            var response = await admin.GetAsync($"/api/analytics/summary?{Range}&timeZone={Uri.EscapeDataString(zone)}");
            await response.ShouldBeAsync(HttpStatusCode.OK);
            var summary = await response.ReadAsync<AnalyticsSummaryResponse>();
            AnalyticsRecount.AssertSame(await AnalyticsRecount.SummarizeAsync(api, From, To, zone), summary, zone);
            Assert.Equal(6, summary.TotalOrders);
        }
    }

    private static async Task<long> CountAsync(ApiFactory api, string table)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(ApiFactory api, string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
