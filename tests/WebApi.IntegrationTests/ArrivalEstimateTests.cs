using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Arrivals;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The tracking page's arrival window: from the finest of the merchant's groups (area and hour of the week, area,
/// hour, all) that holds enough deliveries; the statistics kept as orders move equal a rebuild from the history; no
/// window on closed orders or after a failed attempt.
/// </summary>
public sealed class ArrivalEstimateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object OrderTo(string postalCode) => new
    {
        customer = new { name = "Jane Customer", phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode, country = "United Kingdom" },
        items = new[] { new { name = "Cake", quantity = 1, unitPrice = 12m } },
        currency = "GBP",
        estimatedDeliveryAt = DateTimeOffset.UtcNow.AddDays(2),
    };

    private async Task<(OrderResponse Order, DateTimeOffset OutAt, HttpClient Courier)> OutForDeliveryAsync(HttpClient merchant, string postalCode)
    {
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var order = await merchant.CreateOrderAsync(OrderTo(postalCode));
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup })
        {
            await merchant.MoveAsync(order.Id, status);
        }

        (await courier.PostAsync($"/api/orders/{order.Id}/claim", null)).EnsureSuccessStatusCode();
        await courier.MoveAsync(order.Id, OrderStatus.PickedUp);
        await courier.MoveAsync(order.Id, OrderStatus.InTransit);
        var outAt = await api.WithDbAsync(db => db.OrderHistory.Where(h => h.OrderId == order.Id && h.To == OrderStatus.InTransit).MaxAsync(h => h.At));
        return (order, outAt, courier);
    }

    private async Task RecordAsync(Guid merchantId, string area, int hourOfWeek, int count, double minutes)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var statistics = scope.ServiceProvider.GetRequiredService<IArrivalStatistics>();
        for (var i = 0; i < count; i++)
        {
            await statistics.RecordAsync(Guid.NewGuid(), merchantId, DeliveryLeg.ToDoor, area, hourOfWeek, TimeSpan.FromMinutes(minutes), CancellationToken.None);
        }
    }

    private async Task<JsonElement> ArrivalAsync(string trackingCode) =>
        (await (await api.CreateClient().GetAsync($"/api/tracking/{trackingCode}")).ReadAsync<JsonElement>()).GetProperty("arrival");

    private static double MinutesAfter(JsonElement arrival, string edge, DateTimeOffset outAt) =>
        (arrival.GetProperty(edge).GetDateTimeOffset() - outAt).TotalMinutes;

    [Fact]
    public async Task The_window_comes_from_the_finest_group_with_enough_deliveries_and_falls_back_when_thin()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (inArea, outAt, _) = await OutForDeliveryAsync(merchant, "SW1A 1AA");
        var hour = ArrivalGroup.HourOfWeekOf(outAt);

        // Area and hour: 40 rides of 20 minutes, enough on their own.
        await RecordAsync(merchantUser.Id, "SW1A", hour, 40, 20);
        var finest = await ArrivalAsync(inArea.TrackingCode);
        Assert.Equal("History", finest.GetProperty("basis").GetString());
        Assert.InRange(MinutesAfter(finest, "to", outAt), 20, 21.5);
        Assert.InRange(MinutesAfter(finest, "from", outAt), 19.9, 21);
        Assert.False(finest.GetProperty("isLate").GetBoolean());

        // Another area at the same hour has nothing of its own: the hour over all areas (the same 40 rides) answers.
        var (elsewhere, elsewhereOutAt, _) = await OutForDeliveryAsync(merchant, "E14 5AB");
        if (ArrivalGroup.HourOfWeekOf(elsewhereOutAt) == hour)
        {
            Assert.InRange(MinutesAfter(await ArrivalAsync(elsewhere.TrackingCode), "to", elsewhereOutAt), 20, 21.5);
        }

        // A second merchant, thin at the hour (10 rides of 20 minutes) and well known in the area (40 of 45 at another
        // hour): the area over all hours answers, whose window reaches 45 minutes.
        var (thinMerchant, thinUser) = await api.SignedInAsync(UserRole.Merchant);
        var (thin, thinOutAt, _) = await OutForDeliveryAsync(thinMerchant, "SW1A 2BB");
        var thinHour = ArrivalGroup.HourOfWeekOf(thinOutAt);
        await RecordAsync(thinUser.Id, "SW1A", thinHour, 10, 20);
        await RecordAsync(thinUser.Id, "SW1A", (thinHour + 3) % 168, 40, 45);
        var fallback = await ArrivalAsync(thin.TrackingCode);
        Assert.InRange(MinutesAfter(fallback, "to", thinOutAt), 45, 46.5);

        // The same merchant in an area it has never delivered to, at an hour with nothing: all its rides answer.
        var (unknownArea, unknownOutAt, _) = await OutForDeliveryAsync(thinMerchant, "ZZ9 9ZZ");
        Assert.InRange(MinutesAfter(await ArrivalAsync(unknownArea.TrackingCode), "to", unknownOutAt), 45, 46.5);

        // A merchant without any history: its own estimate, as it gave it.
        var (newcomer, _) = await api.SignedInAsync(UserRole.Merchant);
        var (fresh, _, _) = await OutForDeliveryAsync(newcomer, "SW1A 1AA");
        var own = await ArrivalAsync(fresh.TrackingCode);
        Assert.Equal("Merchant", own.GetProperty("basis").GetString());
        Assert.Equal(own.GetProperty("from").GetDateTimeOffset(), own.GetProperty("to").GetDateTimeOffset());
    }

    [Fact]
    public async Task Closed_orders_and_failed_attempts_show_no_estimate()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var (delivered, outAt, courier) = await OutForDeliveryAsync(merchant, "SW1A 1AA");
        await RecordAsync(merchantUser.Id, "SW1A", ArrivalGroup.HourOfWeekOf(outAt), 40, 20);
        Assert.Equal("History", (await ArrivalAsync(delivered.TrackingCode)).GetProperty("basis").GetString());
        await courier.MoveAsync(delivered.Id, OrderStatus.Delivered);
        Assert.Equal(JsonValueKind.Null, (await ArrivalAsync(delivered.TrackingCode)).ValueKind);

        var (failed, _, failedCourier) = await OutForDeliveryAsync(merchant, "SW1A 1AA");
        await failedCourier.MoveAsync(failed.Id, OrderStatus.DeliveryFailed, reason: "RecipientUnavailable");
        Assert.Equal(JsonValueKind.Null, (await ArrivalAsync(failed.TrackingCode)).ValueKind);
        await failedCourier.MoveAsync(failed.Id, OrderStatus.Returned);
        Assert.Equal(JsonValueKind.Null, (await ArrivalAsync(failed.TrackingCode)).ValueKind);

        var cancelled = await merchant.CreateOrderAsync(OrderTo("SW1A 1AA"));
        await merchant.MoveAsync(cancelled.Id, OrderStatus.Cancelled, reason: "Out of stock");
        Assert.Equal(JsonValueKind.Null, (await ArrivalAsync(cancelled.TrackingCode)).ValueKind);

        // Open and not yet with a courier: the merchant's own estimate.
        var pending = await merchant.CreateOrderAsync(OrderTo("SW1A 1AA"));
        Assert.Equal("Merchant", (await ArrivalAsync(pending.TrackingCode)).GetProperty("basis").GetString());
    }

    [Fact]
    public async Task The_statistics_kept_as_orders_move_equal_a_rebuild_from_the_history()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        foreach (var postalCode in new[] { "SW1A 1AA", "SW1A 2BB", "N1 9GU" })
        {
            var (order, _, courier) = await OutForDeliveryAsync(merchant, postalCode);
            await courier.MoveAsync(order.Id, OrderStatus.Delivered);
        }

        // Three deliveries: three rides and three waits, each counted in four groups.
        async Task<List<HistogramRow>> RowsAsync() => await api.WithDbAsync(db => db.Database.SqlQuery<HistogramRow>(
            $"SELECT leg, area, hour_of_week, total, counts::text AS counts FROM arrival_histograms WHERE merchant_id = {merchantUser.Id} ORDER BY leg, area, hour_of_week").ToListAsync());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await RowsAsync()).Where(r => r.Area == "" && r.HourOfWeek == -1).Sum(r => r.Total) < 6)
        {
            Assert.True(DateTime.UtcNow < deadline, "the finished legs were not counted after commit");
            await Task.Delay(50);
        }

        var incremental = await RowsAsync();
        Assert.Equal(3, incremental.Single(r => r is { Leg: 2, Area: "", HourOfWeek: -1 }).Total);
        Assert.Equal(2, incremental.Single(r => r is { Leg: 2, Area: "SW1A", HourOfWeek: -1 }).Total);
        Assert.Equal(1, incremental.Single(r => r is { Leg: 2, Area: "N1", HourOfWeek: -1 }).Total);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IArrivalStatistics>().RebuildAsync(CancellationToken.None);
        }

        Assert.Equal(incremental, await RowsAsync());
    }

    private sealed record HistogramRow
    {
        public int Leg { get; init; }
        public string Area { get; init; } = string.Empty;
        public int HourOfWeek { get; init; }
        public long Total { get; init; }
        public string Counts { get; init; } = string.Empty;
    }
}
