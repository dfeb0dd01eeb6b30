using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.OrderTimeline;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// Every figure of <c>GET /api/analytics/summary</c> against a small data set worked out by hand. Orders are built
/// through the Domain at chosen instants; each test reads its own stretch of the calendar, so they do not mix.
/// </summary>
public sealed class AnalyticsSummaryTests(AnalyticsSummaryTests.Data data) : IClassFixture<AnalyticsSummaryTests.Data>
{
    private const double Precision = 6;

    /// <summary>The orders of March 2026 (see <see cref="SeedMarchAsync"/>) are read over [1 March, 4 March) UTC.</summary>
    private const string MarchRange = "from=2026-03-01T00:00:00Z&to=2026-03-04T00:00:00Z";

    [Fact]
    public async Task An_admin_gets_every_figure_over_all_merchants()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, MarchRange + "&timeZone=Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), summary.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero), summary.To);
        Assert.Equal("Europe/Berlin", summary.TimeZone);

        // A1..A5 and B1, B2; A6 (a minute before from) and A7 (exactly at to) are out.
        Assert.Equal(7, summary.TotalOrders);
        Assert.Equal(Enum.GetValues<OrderStatus>(), summary.StatusCounts.Select(s => s.Status));
        Assert.Equal(4, summary.CountOf(OrderStatus.Delivered));
        Assert.Equal(1, summary.CountOf(OrderStatus.Cancelled));
        Assert.Equal(1, summary.CountOf(OrderStatus.Pending));
        Assert.Equal(1, summary.CountOf(OrderStatus.Returned));
        Assert.Equal(7, summary.StatusCounts.Sum(s => s.Orders));

        // Berlin is UTC+1 in March: A2 (23:30 UTC on the 1st) falls on the 2nd, A5 (23:00 UTC on the 3rd) on the 4th.
        Assert.Equal(
            [new(new DateOnly(2026, 3, 1), 1), new(new DateOnly(2026, 3, 2), 4), new(new DateOnly(2026, 3, 3), 1), new(new DateOnly(2026, 3, 4), 1)],
            summary.OrdersPerDay);

        // Delivered: A1 160, A2 180, A3 120, B2 50 minutes. p90 of [50, 120, 160, 180]: rank 0.9 × 3 = 2.7 → 160 + 0.7 × 20.
        Assert.Equal(4, summary.DeliveryTime.DeliveredOrders);
        Assert.Equal(127.5, summary.DeliveryTime.AverageMinutes!.Value, Precision);
        Assert.Equal(174, summary.DeliveryTime.P90Minutes!.Value, Precision);

        // With an estimate: A1 (on time), A2 (late), B2 (on time). A3 has none: counted apart, not in the rate.
        Assert.Equal((3, 2, 1), (summary.OnTime.DeliveredWithEstimate, summary.OnTime.DeliveredOnTime, summary.OnTime.DeliveredWithoutEstimate));
        Assert.Equal(2.0 / 3, summary.OnTime.Rate!.Value, Precision);

        Assert.Equal(
            [OrderStatus.Pending, OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.DeliveryFailed],
            summary.TimeInStatus.Select(t => t.Status));
        AssertTimeIn(summary, OrderStatus.Pending, 6, 60.0 / 6);
        AssertTimeIn(summary, OrderStatus.Confirmed, 6, 95.0 / 6);
        AssertTimeIn(summary, OrderStatus.Preparing, 5, 105.0 / 5);
        AssertTimeIn(summary, OrderStatus.ReadyForPickup, 5, 75.0 / 5); // A1's assignment 15 minutes in did not end its stay
        AssertTimeIn(summary, OrderStatus.PickedUp, 5, 55.0 / 5);
        AssertTimeIn(summary, OrderStatus.InTransit, 5, 250.0 / 5); // A2 went out twice: 30 + 30
        AssertTimeIn(summary, OrderStatus.DeliveryFailed, 2, 90.0 / 2);

        // A6's and A7's failures are outside the range.
        Assert.Equal([new(DeliveryFailureReason.AddressNotFound, 1), new(DeliveryFailureReason.RecipientUnavailable, 1)], summary.FailureReasons);

        Assert.Equal(
            [new(cast.MerchantA.Id, "Alpha Bakery", 5, 3), new(cast.MerchantB.Id, "Beta Books", 2, 1)],
            summary.TopMerchants);
    }

    [Fact]
    public async Task A_merchant_gets_the_figures_of_its_own_orders_only_and_no_top_merchants()
    {
        var cast = await data.SeededAsync();
        var merchantA = await data.ClientForAsync(cast.MerchantA);
        var merchantB = await data.ClientForAsync(cast.MerchantB);

        var a = await SummaryAsync(merchantA, MarchRange + "&timeZone=Europe/Berlin");
        var b = await SummaryAsync(merchantB, MarchRange);

        Assert.Equal(5, a.TotalOrders);
        Assert.Equal(3, a.CountOf(OrderStatus.Delivered));
        Assert.Equal(0, a.CountOf(OrderStatus.Returned));
        Assert.Equal([1, 2, 1, 1], a.OrdersPerDay.Select(d => d.Orders));
        Assert.Equal(460.0 / 3, a.DeliveryTime.AverageMinutes!.Value, Precision);
        Assert.Equal(176, a.DeliveryTime.P90Minutes!.Value, Precision); // [120, 160, 180]: rank 1.8 → 160 + 0.8 × 20
        Assert.Equal((2, 1, 1), (a.OnTime.DeliveredWithEstimate, a.OnTime.DeliveredOnTime, a.OnTime.DeliveredWithoutEstimate));
        Assert.Equal(0.5, a.OnTime.Rate!.Value, Precision);
        AssertTimeIn(a, OrderStatus.Pending, 4, 45.0 / 4);
        AssertTimeIn(a, OrderStatus.InTransit, 3, 170.0 / 3);
        AssertTimeIn(a, OrderStatus.DeliveryFailed, 1, 30);
        Assert.Equal([new(DeliveryFailureReason.RecipientUnavailable, 1)], a.FailureReasons);
        Assert.Null(a.TopMerchants);

        // B in UTC (the default zone): both of its orders on the 2nd.
        Assert.Equal("UTC", b.TimeZone);
        Assert.Equal(2, b.TotalOrders);
        Assert.Equal((1, 1), (b.CountOf(OrderStatus.Delivered), b.CountOf(OrderStatus.Returned)));
        Assert.Equal([new(new DateOnly(2026, 3, 1), 0), new(new DateOnly(2026, 3, 2), 2), new(new DateOnly(2026, 3, 3), 0)], b.OrdersPerDay);
        Assert.Equal(50, b.DeliveryTime.AverageMinutes!.Value, Precision);
        Assert.Equal(50, b.DeliveryTime.P90Minutes!.Value, Precision);
        Assert.Equal(new OnTimeResponse(1, 1, 0, 1.0), b.OnTime);
        Assert.Equal([new(DeliveryFailureReason.AddressNotFound, 1)], b.FailureReasons);
        Assert.Null(b.TopMerchants);
    }

    [Fact]
    public async Task Orders_per_day_in_utc_put_an_order_at_23_30_on_its_utc_day()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, MarchRange + "&timeZone=UTC");

        Assert.Equal([2, 3, 2], summary.OrdersPerDay.Select(d => d.Orders));
        Assert.Equal([1, 2, 3], summary.OrdersPerDay.Select(d => d.Date.Day));
    }

    [Theory]
    [InlineData("Europe/Berlin", "2026-03-28", new[] { 0, 2, 1, 0 })] // the 29th has 23 hours: 22:30 UTC is already the 30th
    [InlineData("Asia/Kolkata", "2026-03-28", new[] { 0, 1, 2, 0 })] // UTC+5:30
    [InlineData("America/New_York", "2026-03-27", new[] { 0, 1, 2, 0 })] // UTC-4 since 8 March
    public async Task Days_follow_the_zone_across_daylight_saving_and_half_hour_offsets(string zone, string firstDay, int[] expected)
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, $"from=2026-03-28T00:00:00Z&to=2026-03-31T00:00:00Z&timeZone={Uri.EscapeDataString(zone)}");

        Assert.Equal(DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture), summary.OrdersPerDay[0].Date);
        Assert.Equal(expected, summary.OrdersPerDay.Select(d => d.Orders));
        Assert.Equal(3, summary.TotalOrders);
    }

    [Fact]
    public async Task The_p90_is_postgresql_percentile_cont_for_any_number_of_delivered_orders()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);
        var merchantB = await data.ClientForAsync(cast.MerchantB);

        foreach (var (week, _) in cast.P90Weeks)
        {
            var range = $"from={week:O}&to={week.AddDays(7):O}".Replace("+", "%2B", StringComparison.Ordinal);
            foreach (var (client, merchantId) in new[] { (admin, (Guid?)null), (merchantB, cast.MerchantB.Id) })
            {
                var summary = await SummaryAsync(client, range);
                var expected = await data.WithDbAsync(db => db.Database.SqlQuery<double?>($"""
                    SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', delivered_at - created_at)) / 60 AS "Value"
                    FROM orders
                    WHERE delivered_at IS NOT NULL AND created_at >= {week} AND created_at < {week.AddDays(7)}
                      AND ({merchantId}::uuid IS NULL OR merchant_id = {merchantId}::uuid)
                    """).SingleAsync());

                Assert.NotNull(expected);
                Assert.Equal(expected.Value, summary.DeliveryTime.P90Minutes!.Value, Precision);
            }
        }
    }

    [Fact]
    public async Task Every_failed_attempt_counts_also_of_an_order_still_in_delivery_failed()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, "from=2026-04-10T00:00:00Z&to=2026-04-11T00:00:00Z");

        Assert.Equal([new(DeliveryFailureReason.RecipientUnavailable, 2), new(DeliveryFailureReason.Damaged, 1)], summary.FailureReasons);
        Assert.Equal(1, summary.CountOf(OrderStatus.DeliveryFailed));
        AssertTimeIn(summary, OrderStatus.DeliveryFailed, 1, 60 + 120); // F2 has not left DeliveryFailed yet
        AssertTimeIn(summary, OrderStatus.InTransit, 2, (10 + 10 + 30 + 10) / 2.0);
    }

    [Fact]
    public async Task A_range_without_orders_lists_every_day_and_status_with_zeros_and_null_averages()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, "from=2025-01-01T00:00:00Z&to=2025-01-08T00:00:00Z");

        Assert.Equal(0, summary.TotalOrders);
        Assert.Equal(10, summary.StatusCounts.Count);
        Assert.All(summary.StatusCounts, s => Assert.Equal(0, s.Orders));
        Assert.Equal(7, summary.OrdersPerDay.Count);
        Assert.All(summary.OrdersPerDay, d => Assert.Equal(0, d.Orders));
        Assert.Equal(new DeliveryTimeResponse(0, null, null), summary.DeliveryTime);
        Assert.Equal(new OnTimeResponse(0, 0, 0, null), summary.OnTime);
        Assert.All(summary.TimeInStatus, t => Assert.Equal((0, (double?)null), (t.Orders, t.AverageMinutes)));
        Assert.Empty(summary.FailureReasons);
        Assert.Empty(summary.TopMerchants!);
    }

    [Fact]
    public async Task Without_parameters_the_range_is_the_last_30_days_in_utc()
    {
        var cast = await data.SeededAsync();
        var merchant = await data.ClientForAsync(cast.MerchantA);

        var summary = await SummaryAsync(merchant, string.Empty);

        Assert.Equal("UTC", summary.TimeZone);
        Assert.InRange(summary.To, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(TimeSpan.FromDays(30), summary.To - summary.From);
        Assert.InRange(summary.OrdersPerDay.Count, 30, 31);
    }

    [Fact]
    public async Task A_range_given_with_an_offset_is_answered_in_utc()
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var summary = await SummaryAsync(admin, "from=2026-03-01T01:00:00%2B01:00&to=2026-03-04T01:00:00%2B01:00&timeZone=Europe/Berlin");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), summary.From);
        Assert.Equal(TimeSpan.Zero, summary.From.Offset);
        Assert.Equal(7, summary.TotalOrders);
    }

    [Fact]
    public async Task A_courier_gets_403()
    {
        var cast = await data.SeededAsync();
        var courier = await data.ClientForAsync(cast.Courier);

        var response = await courier.GetAsync("/api/analytics/summary?" + MarchRange);

        await response.ShouldBeAsync(HttpStatusCode.Forbidden);
        Assert.EndsWith("/forbidden", (await response.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Without_a_token_it_is_401()
    {
        var response = await data.CreateClient().GetAsync("/api/analytics/summary");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-03-04T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    [InlineData("from=2026-03-01T00:00:00Z&to=2026-03-01T00:00:00Z", "from")]
    [InlineData("from=2099-01-01T00:00:00Z", "from")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-01-02T00:00:00Z", "to")]
    [InlineData("from=1900-01-01T00:00:00Z&to=1900-01-02T00:00:00Z", "from")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01T00:00:00Z", "to")]
    [InlineData("timeZone=Mars/Olympus_Mons", "timeZone")]
    [InlineData("timeZone=W.%20Europe%20Standard%20Time", "timeZone")]
    [InlineData("timeZone=..%2F..%2Fetc%2Fpasswd", "timeZone")]
    [InlineData("timeZone=europe/berlin", "timeZone")]
    public async Task Bad_from_to_or_time_zone_is_a_400_that_names_the_parameter(string query, string field)
    {
        var cast = await data.SeededAsync();
        var admin = await data.ClientForAsync(cast.Admin);

        var response = await admin.GetAsync("/api/analytics/summary?" + query);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.EndsWith("/validation", problem.Type);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    private static void AssertTimeIn(AnalyticsSummaryResponse summary, OrderStatus status, int orders, double averageMinutes)
    {
        var time = summary.TimeIn(status);
        Assert.Equal(orders, time.Orders);
        Assert.Equal(averageMinutes, time.AverageMinutes!.Value, Precision);
    }

    private static async Task<AnalyticsSummaryResponse> SummaryAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/analytics/summary?" + query);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return await response.ReadAsync<AnalyticsSummaryResponse>();
    }

    public sealed record Cast(TestUser Admin, TestUser MerchantA, TestUser MerchantB, TestUser Courier, IReadOnlyList<(DateTimeOffset Week, int Delivered)> P90Weeks);

    /// <summary>The test database, seeded once for the whole class.</summary>
    public sealed class Data : ApiFactory
    {
        private readonly SemaphoreSlim _seeding = new(1, 1);
        private Cast? _cast;

        public async Task<Cast> SeededAsync()
        {
            await _seeding.WaitAsync();
            try
            {
                return _cast ??= await SeedAsync();
            }
            finally
            {
                _seeding.Release();
            }
        }

        private async Task<Cast> SeedAsync()
        {
            var admin = await CreateUserAsync(UserRole.Admin);
            var merchantA = await CreateUserAsync(UserRole.Merchant, displayName: "Alpha Bakery");
            var merchantB = await CreateUserAsync(UserRole.Merchant, displayName: "Beta Books");
            var courier = await CreateUserAsync(UserRole.Delivery);

            var orders = new List<Order>();
            orders.AddRange(SeedMarch(merchantA, merchantB, courier));
            orders.AddRange(SeedDaylightSavingWeekend(merchantA, courier));
            orders.AddRange(SeedFailures(merchantB, courier));
            var p90Weeks = SeedP90Weeks(merchantA, merchantB, courier, orders);

            await WithDbAsync(async db =>
            {
                db.Orders.AddRange(orders);
                return await db.SaveChangesAsync();
            });
            return new Cast(admin, merchantA, merchantB, courier, p90Weeks);
        }

        /// <summary>The hand-worked data set; every minute figure in the tests above comes from these steps.</summary>
        private static IEnumerable<Order> SeedMarch(TestUser a, TestUser b, TestUser courier)
        {
            static DateTimeOffset Utc(int day, int hour, int minute = 0, int month = 3) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

            // A1: delivered after 160 minutes, 20 minutes before its estimate. Assigned 15 minutes into ReadyForPickup.
            yield return Build(a, courier, Utc(1, 10), Utc(1, 13), [.. OutForDelivery(10, 20, 30, 15, 15, 10), To(OrderStatus.Delivered, 60)]);

            // A2: 23:30 UTC = 00:30 the next day in Berlin. Fails once, goes out again, delivered after 180 minutes, late.
            yield return Build(a, courier, Utc(1, 23, 30), Utc(2, 1),
                [.. OutForDelivery(10, 20, 30, 5, 10, 15), Fail(DeliveryFailureReason.RecipientUnavailable, 30), To(OrderStatus.InTransit, 30), To(OrderStatus.Delivered, 30)]);

            // A3: no estimate; delivered after 120 minutes.
            yield return Build(a, courier, Utc(2, 9), null, [.. OutForDelivery(5, 10, 30, 5, 10, 10), To(OrderStatus.Delivered, 50)]);

            // A4: cancelled while confirmed.
            yield return Build(a, courier, Utc(3, 8), Utc(4, 8), To(OrderStatus.Confirmed, 20), Cancel(30));

            // A5: 23:00 UTC on the 3rd = midnight of the 4th in Berlin; still pending.
            yield return Build(a, courier, Utc(3, 23), null);

            // A6, a minute before the range, and A7, at its (exclusive) end: in no figure.
            yield return Build(a, courier, Utc(28, 23, 59, month: 2), Utc(1, 12),
                [.. OutForDelivery(1, 1, 1, 1, 1, 1), Fail(DeliveryFailureReason.AddressNotFound, 1), To(OrderStatus.Returned, 1)]);
            yield return Build(a, courier, Utc(4, 0), null, [.. OutForDelivery(1, 1, 1, 1, 1, 1), Fail(DeliveryFailureReason.Damaged, 1)]);

            // B1: address not found, returned.
            yield return Build(b, courier, Utc(2, 12), Utc(2, 18),
                [.. OutForDelivery(10, 10, 10, 5, 5, 10), Fail(DeliveryFailureReason.AddressNotFound, 60), To(OrderStatus.Returned, 60)]);

            // B2: delivered after 50 minutes, before its estimate.
            yield return Build(b, courier, Utc(2, 13), Utc(2, 14), [.. OutForDelivery(5, 5, 5, 2, 3, 10), To(OrderStatus.Delivered, 20)]);
        }

        /// <summary>Berlin moves to summer time at 01:00 UTC on 29 March 2026.</summary>
        private static IEnumerable<Order> SeedDaylightSavingWeekend(TestUser merchant, TestUser courier)
        {
            yield return Build(merchant, courier, new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), null); // Berlin 29th 00:30 (+1)
            yield return Build(merchant, courier, new DateTimeOffset(2026, 3, 29, 21, 30, 0, TimeSpan.Zero), null); // Berlin 29th 23:30 (+2)
            yield return Build(merchant, courier, new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero), null); // Berlin 30th 00:30 (+2)
        }

        /// <summary>10 April 2026: F1 fails twice and is delivered at the third attempt; F2 has just failed.</summary>
        private static IEnumerable<Order> SeedFailures(TestUser merchant, TestUser courier)
        {
            var day = new DateTimeOffset(2026, 4, 10, 8, 0, 0, TimeSpan.Zero);
            yield return Build(merchant, courier, day, null,
            [
                .. OutForDelivery(1, 1, 1, 1, 1, 1),
                Fail(DeliveryFailureReason.RecipientUnavailable, 10), To(OrderStatus.InTransit, 60),
                Fail(DeliveryFailureReason.RecipientUnavailable, 10), To(OrderStatus.InTransit, 120),
                To(OrderStatus.Delivered, 30),
            ]);
            yield return Build(merchant, courier, day.AddHours(1), null, [.. OutForDelivery(1, 1, 1, 1, 1, 1), Fail(DeliveryFailureReason.Damaged, 10)]);
        }

        /// <summary>Weeks from May 2026 with 1, 2, 3, 10 and 37 delivered orders of pseudo-random durations, shared by both merchants.</summary>
        private static List<(DateTimeOffset Week, int Delivered)> SeedP90Weeks(TestUser a, TestUser b, TestUser courier, List<Order> orders)
        {
            var random = new Random(20261125);
            var weeks = new List<(DateTimeOffset, int)>();
            var week = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
            foreach (var count in new[] { 1, 2, 3, 10, 37 })
            {
                for (var i = 0; i < count; i++)
                {
                    // Merchant B gets every other order, so its own p90 is checked on 1, 1, 2, 5 and 19 orders.
                    var merchant = i % 2 == 0 ? b : a;
                    var createdAt = week.AddHours(random.Next(0, 160)).AddSeconds(random.Next(0, 3600));
                    orders.Add(Build(merchant, courier, createdAt, null,
                        [.. OutForDelivery(random.Next(1, 60), random.Next(1, 60), random.Next(1, 60), 1, random.Next(1, 60), random.Next(1, 60)), To(OrderStatus.Delivered, random.NextDouble() * 600)]));
                }

                weeks.Add((week, count));
                week = week.AddDays(7);
            }

            return weeks;
        }
    }
}
