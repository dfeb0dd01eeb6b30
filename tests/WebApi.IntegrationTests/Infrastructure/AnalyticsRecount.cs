using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;
using OrderTracking.Testing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The analytics summary counted again from every order in range, without the roll-ups (<see cref="AnalyticsRecountSql"/>,
/// the statements the summary ran before it read roll-ups), as the summary's response. The oracle that the roll-ups'
/// answer must equal.
/// </summary>
public static class AnalyticsRecount
{
    private static readonly OrderStatus[] LeavableStatuses =
        [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.DeliveryFailed];

    /// <summary>The summary of the orders created in [<paramref name="from"/>, <paramref name="to"/>), of one merchant, one partner or (both null, with top merchants) everyone.</summary>
    public static async Task<AnalyticsSummaryResponse> SummarizeAsync(ApiFactory api, DateTimeOffset from, DateTimeOffset to, string zone, Guid? merchantId = null, Guid? partnerId = null)
    {
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        return await api.WithDbAsync(async db =>
        {
            var rollup = await db.Database.SqlQueryRaw<RollupRow>(AnalyticsRecountSql.Cells, AnalyticsRecountSql.Parameters(from, to, zone, merchantId, partnerId)).ToListAsync();

            var p90 = await db.Database.SqlQueryRaw<double?>(AnalyticsRecountSql.P90, AnalyticsRecountSql.Parameters(from, to, zone, merchantId, partnerId)).SingleAsync();

            var failures = await db.Database.SqlQueryRaw<FailureRow>(AnalyticsRecountSql.Failures, AnalyticsRecountSql.Parameters(from, to, zone, merchantId, partnerId)).ToListAsync();

            var merchants = await db.Database.SqlQueryRaw<MerchantRow>(AnalyticsRecountSql.TopMerchants, AnalyticsRecountSql.Parameters(from, to, zone, merchantId, partnerId)).ToListAsync();

            var totals = rollup.Single(r => r.Kind == 3);
            var byStatus = rollup.Where(r => r.Kind == 2 && r.Status is not null).ToDictionary(r => Enum.Parse<OrderStatus>(r.Status!), r => r.Orders);
            return new AnalyticsSummaryResponse(
                from,
                to,
                zone,
                totals.Orders,
                Enum.GetValues<OrderStatus>().Select(s => new StatusCountResponse(s, byStatus.GetValueOrDefault(s))).ToList(),
                rollup.Where(r => r.Kind == 1).OrderBy(r => r.Day).Select(r => new DailyCountResponse(r.Day!.Value, r.Orders)).ToList(),
                new DeliveryTimeResponse(totals.Delivered, totals.AverageDeliveryMinutes, p90),
                new OnTimeResponse(
                    totals.DeliveredWithEstimate,
                    totals.DeliveredOnTime,
                    totals.Delivered - totals.DeliveredWithEstimate,
                    totals.DeliveredWithEstimate == 0 ? null : (double)totals.DeliveredOnTime / totals.DeliveredWithEstimate),
                LeavableStatuses.Select(totals.TimeIn).ToList(),
                failures.Select(f => new FailureReasonResponse(Enum.Parse<DeliveryFailureReason>(f.Reason), f.Attempts)).ToList(),
                merchantId is null && partnerId is null
                    ? merchants.Select(m => new MerchantRankingResponse(m.MerchantId, m.Name, m.Orders, m.Delivered)).ToList()
                    : null);
        });
    }

    /// <summary>
    /// Asserts that <paramref name="actual"/> says what the recount says: every count equal; the averages, the rate and
    /// the p90 equal up to the rounding of floating-point sums taken in another order (a relative 1e-9).
    /// </summary>
    public static void AssertSame(AnalyticsSummaryResponse expected, AnalyticsSummaryResponse actual, string what)
    {
        try
        {
            Assert.Equal((expected.From, expected.To, expected.TimeZone), (actual.From, actual.To, actual.TimeZone));
            Assert.Equal(expected.TotalOrders, actual.TotalOrders);
            Assert.Equal(expected.StatusCounts, actual.StatusCounts);
            Assert.Equal(expected.OrdersPerDay, actual.OrdersPerDay);
            Assert.Equal(expected.DeliveryTime.DeliveredOrders, actual.DeliveryTime.DeliveredOrders);
            AssertClose(expected.DeliveryTime.AverageMinutes, actual.DeliveryTime.AverageMinutes);
            AssertClose(expected.DeliveryTime.P90Minutes, actual.DeliveryTime.P90Minutes);
            Assert.Equal(expected.OnTime with { Rate = null }, actual.OnTime with { Rate = null });
            AssertClose(expected.OnTime.Rate, actual.OnTime.Rate);
            Assert.Equal(expected.TimeInStatus.Select(t => (t.Status, t.Orders)), actual.TimeInStatus.Select(t => (t.Status, t.Orders)));
            Assert.All(expected.TimeInStatus.Zip(actual.TimeInStatus), pair => AssertClose(pair.First.AverageMinutes, pair.Second.AverageMinutes));
            Assert.Equal(expected.FailureReasons, actual.FailureReasons);
            Assert.Equal(expected.TopMerchants, actual.TopMerchants);
        }
        catch (Exception ex) when (ex is Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: {ex.Message}");
        }
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is { } e && actual is { } a)
        {
            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"Expected {e:R}, got {a:R}.");
        }
    }

    private sealed class RollupRow
    {
        /// <summary>GROUPING(day, status): 1 for a day, 2 for a status, 3 for the totals.</summary>
        public int Kind { get; init; }

        public DateOnly? Day { get; init; }
        public string? Status { get; init; }
        public int Orders { get; init; }
        public int Delivered { get; init; }
        public double? AverageDeliveryMinutes { get; init; }
        public int DeliveredWithEstimate { get; init; }
        public int DeliveredOnTime { get; init; }
        public int PendingOrders { get; init; }
        public double? PendingMinutes { get; init; }
        public int ConfirmedOrders { get; init; }
        public double? ConfirmedMinutes { get; init; }
        public int PreparingOrders { get; init; }
        public double? PreparingMinutes { get; init; }
        public int ReadyForPickupOrders { get; init; }
        public double? ReadyForPickupMinutes { get; init; }
        public int PickedUpOrders { get; init; }
        public double? PickedUpMinutes { get; init; }
        public int InTransitOrders { get; init; }
        public double? InTransitMinutes { get; init; }
        public int DeliveryFailedOrders { get; init; }
        public double? DeliveryFailedMinutes { get; init; }

        public StatusDurationResponse TimeIn(OrderStatus status)
        {
            var (orders, minutes) = status switch
            {
                OrderStatus.Pending => (PendingOrders, PendingMinutes),
                OrderStatus.Confirmed => (ConfirmedOrders, ConfirmedMinutes),
                OrderStatus.Preparing => (PreparingOrders, PreparingMinutes),
                OrderStatus.ReadyForPickup => (ReadyForPickupOrders, ReadyForPickupMinutes),
                OrderStatus.PickedUp => (PickedUpOrders, PickedUpMinutes),
                OrderStatus.InTransit => (InTransitOrders, InTransitMinutes),
                OrderStatus.DeliveryFailed => (DeliveryFailedOrders, DeliveryFailedMinutes),
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A terminal status is never left."),
            };
            return new StatusDurationResponse(status, orders, minutes);
        }
    }

    private sealed class FailureRow
    {
        public string Reason { get; init; } = string.Empty;
        public int Attempts { get; init; }
    }

    private sealed class MerchantRow
    {
        public Guid MerchantId { get; init; }
        public string Name { get; init; } = string.Empty;
        public int Orders { get; init; }
        public int Delivered { get; init; }
    }
}
