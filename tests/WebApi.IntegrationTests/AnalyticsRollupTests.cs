using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Analytics;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The summary read from the roll-ups against a full recount of the orders (<see cref="AnalyticsRecount"/>, the
/// statements the summary ran before it had roll-ups). Orders are created and moved through the API at chosen
/// instants (a controlled clock) around the midnights of zones with whole, half and quarter hour offsets, by
/// merchants, a courier and two delivery partners (one order handed from one partner to the other), and every
/// scope (admin, each merchant, each partner) is compared in several zones and ranges: while the changes are still
/// recorded, once they are folded, and after a rebuild, which must make exactly the roll-ups the changes made.
/// </summary>
public sealed class AnalyticsRollupTests(AnalyticsRollupTests.Api api) : IClassFixture<AnalyticsRollupTests.Api>
{
    private static readonly DateTimeOffset Start = new(2026, 3, 26, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Whole-hour offsets with a DST change on 29 March (Berlin), half-hour (Kolkata, St John's) and quarter-hour (Kathmandu) ones, and Lord Howe's half-hour DST.</summary>
    private static readonly string[] Zones = ["UTC", "Europe/Berlin", "Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Australia/Lord_Howe"];

    /// <summary>Creation instants a minute either side of local midnights: Kolkata (18:30 UTC), Kathmandu (18:15), Berlin (23:00, then 22:00), St John's (02:30), UTC.</summary>
    private static readonly DateTimeOffset[] EdgeInstants =
    [
        Utc(26, 18, 29), Utc(26, 18, 31), Utc(27, 18, 14), Utc(27, 18, 16), Utc(27, 22, 59, 30), Utc(27, 23, 0),
        Utc(28, 2, 29), Utc(28, 2, 31), Utc(28, 23, 59, 59), Utc(29, 0, 0), Utc(29, 21, 59), Utc(29, 22, 0, 1),
        Utc(30, 13, 30), Utc(30, 13, 31),
    ];

    [Fact]
    public async Task Orders_moved_across_days_and_zones_read_the_same_from_the_roll_ups_as_from_a_full_recount()
    {
        var cast = await api.CastAsync();
        var random = new Random(20261206);
        var orders = EdgeInstants
            .Concat(Enumerable.Range(0, 16).Select(_ => Start.AddMinutes(random.Next(0, 6 * 24 * 60)).AddSeconds(random.Next(0, 60))))
            .Select((createdAt, i) => PlanOrder(cast, random, i, createdAt))
            .ToList();

        // Creation and the first half of each order's moves; nothing is folded yet, the summary reads the recorded changes.
        foreach (var order in orders)
        {
            await order.RunAsync(api.Clock, order.Steps.Count / 2);
        }

        await AssertSameAsRecountAsync(cast, "with every change still recorded");
        Assert.True(await api.CountAsync("analytics_order_changes") > 0);

        await CompactAsync();
        Assert.Equal(0, await api.CountAsync("analytics_order_changes"));
        await AssertSameAsRecountAsync(cast, "once the changes are folded");

        // The rest of the moves: reassignments, failed attempts, deliveries, returns, and the refused and replayed requests.
        foreach (var order in orders)
        {
            await order.RunAsync(api.Clock, order.Steps.Count);
        }

        await AssertSameAsRecountAsync(cast, "with folded and recorded changes");

        // The data set has what the figures are about: every order, deliveries, failed attempts, both partners.
        var everything = await AnalyticsRecount.SummarizeAsync(api, Start, Start.AddDays(8), "UTC");
        Assert.Equal(orders.Count, everything.TotalOrders);
        Assert.True(everything.DeliveryTime.DeliveredOrders > 5, "deliveries");
        Assert.True(everything.FailureReasons.Sum(f => f.Attempts) > 3, "failed attempts");
        foreach (var partnerId in (Guid[])[cast.Partner1Id, cast.Partner2Id])
        {
            Assert.True((await AnalyticsRecount.SummarizeAsync(api, Start, Start.AddDays(8), "UTC", partnerId: partnerId)).TotalOrders > 2, "a partner's orders");
        }

        await CompactAsync();
        var incremental = await RollUpRowsAsync();
        await RebuildAsync();
        Assert.Equal(0, await api.CountAsync("analytics_order_changes"));
        AssertSameRows(incremental, await RollUpRowsAsync());
        await AssertSameAsRecountAsync(cast, "after a rebuild");
    }

    [Fact]
    public async Task Folding_and_rebuilding_while_orders_move_loses_and_doubles_nothing()
    {
        var cast = await api.CastAsync();
        var day = new DateTimeOffset(2026, 5, 5, 9, 0, 0, TimeSpan.Zero);
        api.Clock.Set(day);
        var orders = new List<OrderResponse>();
        foreach (var i in Enumerable.Range(0, 16))
        {
            orders.Add(await (i % 2 == 0 ? cast.MerchantA : cast.MerchantB).CreateOrderAsync(OrderBody(day.AddDays(1))));
        }

        api.Clock.Set(day.AddHours(2));
        using var writing = new CancellationTokenSource();
        var writers = orders.Chunk(4).Select(chunk => Task.Run(async () =>
        {
            foreach (var order in chunk)
            {
                var merchant = order.MerchantId == cast.MerchantAUser.Id ? cast.MerchantA : cast.MerchantB;
                foreach (var status in (OrderStatus[])[OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup])
                {
                    await merchant.MoveAsync(order.Id, status);
                }

                await (await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/assignment", new { partnerId = cast.Partner1Id })).ShouldBeAsync(HttpStatusCode.OK);
                foreach (var status in (string[])["PickedUp", "InTransit", "Delivered"])
                {
                    await (await cast.Partner1.PostAsJsonAsync($"/api/partner/orders/{order.TrackingCode}/status", new { status })).ShouldBeAsync(HttpStatusCode.OK);
                }
            }
        })).ToList();

        // Two instances folding at once, and a rebuild in between, while the writers go on.
        var folders = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await CompactAsync();
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await RebuildAsync();
        await Task.WhenAll(writers);
        await writing.CancelAsync();
        await Task.WhenAll(folders);

        var (from, to) = (day.AddHours(-9), day.AddDays(1));
        foreach (var zone in (string[])["UTC", "Europe/Berlin"])
        {
            var query = Query(from, to, zone);
            AnalyticsRecount.AssertSame(await AnalyticsRecount.SummarizeAsync(api, from, to, zone), await SummaryAsync(cast.Admin, "/api/analytics/summary", query), $"admin, {zone}");
            AnalyticsRecount.AssertSame(
                await AnalyticsRecount.SummarizeAsync(api, from, to, zone, partnerId: cast.Partner1Id),
                await SummaryAsync(cast.Partner1, "/api/partner/analytics/summary", query),
                $"partner, {zone}");
        }

        await CompactAsync();
        var incremental = await RollUpRowsAsync();
        await RebuildAsync();
        AssertSameRows(incremental, await RollUpRowsAsync());
    }

    private static readonly (string Table, string Keys)[] RollUpTables =
    [
        ("analytics_orders", "scope, scope_id, period, period_start, status"),
        ("analytics_orders_by_hour", "scope, scope_id, day"),
        ("analytics_delivery_hours", "scope, scope_id, period, period_start, hour"),
        ("analytics_delivery_minutes", "scope, scope_id, period, period_start, minute"),
        ("analytics_failures", "scope, scope_id, period, period_start, reason"),
    ];

    private static DateTimeOffset Utc(int day, int hour, int minute, int second = 0) => new(2026, 3, day, hour, minute, second, TimeSpan.Zero);

    private static string Query(DateTimeOffset from, DateTimeOffset to, string zone) =>
        $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&timeZone={Uri.EscapeDataString(zone)}";

    private static object OrderBody(DateTimeOffset? estimatedDeliveryAt) => new
    {
        customer = new { name = "Ann Analytics", phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "1 High Street", city = "London", postalCode = "SW1A 1AA", country = "United Kingdom" },
        items = new[] { new { name = "Sourdough loaf", quantity = 1, unitPrice = 4.50m } },
        currency = "GBP",
        estimatedDeliveryAt,
    };

    private static async Task<AnalyticsSummaryResponse> SummaryAsync(HttpClient client, string path, string query)
    {
        var response = await client.GetAsync($"{path}?{query}");
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return await response.ReadAsync<AnalyticsSummaryResponse>();
    }

    /// <summary>
    /// The admin's summary in every zone over ranges on whole days and on part-days and part-hours, in two zones over a
    /// range of whole months (March and April) between part-months, one inside one day and one inside one hour; each
    /// merchant's and partner's in a quarter-hour zone.
    /// </summary>
    private async Task AssertSameAsRecountAsync(Cast cast, string when)
    {
        (DateTimeOffset From, DateTimeOffset To, string[] Zones)[] ranges =
        [
            (Start, Start.AddDays(8), Zones),
            (new DateTimeOffset(2026, 2, 20, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 5, 3, 7, 0, 0, TimeSpan.Zero), ["UTC", "Asia/Kolkata"]),
            (Utc(27, 18, 20, 13), Utc(30, 3, 31, 17), Zones),
            (Utc(29, 0, 30), Utc(29, 22, 45), ["Europe/Berlin", "Asia/Kathmandu"]),
            (Utc(27, 18, 10), Utc(27, 18, 40), ["UTC", "Asia/Kathmandu"]),
        ];
        foreach (var (from, to, zones) in ranges)
        {
            foreach (var zone in zones)
            {
                AnalyticsRecount.AssertSame(
                    await AnalyticsRecount.SummarizeAsync(api, from, to, zone),
                    await SummaryAsync(cast.Admin, "/api/analytics/summary", Query(from, to, zone)),
                    $"admin, {when}, {from:O} to {to:O} in {zone}");
            }

            const string zoneOfOthers = "Asia/Kathmandu";
            var query = Query(from, to, zoneOfOthers);
            var what = $"{when}, {from:O} to {to:O} in {zoneOfOthers}";
            AnalyticsRecount.AssertSame(
                await AnalyticsRecount.SummarizeAsync(api, from, to, zoneOfOthers, merchantId: cast.MerchantAUser.Id),
                await SummaryAsync(cast.MerchantA, "/api/analytics/summary", query),
                $"merchant A, {what}");
            AnalyticsRecount.AssertSame(
                await AnalyticsRecount.SummarizeAsync(api, from, to, zoneOfOthers, merchantId: cast.MerchantBUser.Id),
                await SummaryAsync(cast.MerchantB, "/api/analytics/summary", query),
                $"merchant B, {what}");
            AnalyticsRecount.AssertSame(
                await AnalyticsRecount.SummarizeAsync(api, from, to, zoneOfOthers, partnerId: cast.Partner1Id),
                await SummaryAsync(cast.Partner1, "/api/partner/analytics/summary", query),
                $"partner 1, {what}");
            AnalyticsRecount.AssertSame(
                await AnalyticsRecount.SummarizeAsync(api, from, to, zoneOfOthers, partnerId: cast.Partner2Id),
                await SummaryAsync(cast.Partner2, "/api/partner/analytics/summary", query),
                $"partner 2, {what}");
        }
    }

    /// <summary>
    /// One order's life, a random one: still pending, cancelled, or out for delivery with a courier or a partner (some
    /// handed from one partner to the other before pickup), then delivered, failed once or twice (then delivered,
    /// returned or left failed) or left in transit. Each step some minutes to hours after the one before.
    /// </summary>
    private static PlannedOrder PlanOrder(Cast cast, Random random, int index, DateTimeOffset createdAt)
    {
        var merchant = index % 3 == 0 ? cast.MerchantB : cast.MerchantA;
        var estimate = random.NextDouble() < 0.2 ? (DateTimeOffset?)null : createdAt.AddMinutes(random.Next(60, 900));
        var order = new PlannedOrder(merchant, createdAt, estimate);
        var at = createdAt;
        DateTimeOffset Later(int minMinutes, int maxMinutes) => at = at.AddMinutes(random.Next(minMinutes, maxMinutes)).AddSeconds(random.Next(0, 60));

        var fate = random.Next(10);
        if (fate == 0)
        {
            return order;
        }

        order.Merchant(Later(1, 60), OrderStatus.Confirmed);
        if (fate == 1)
        {
            order.Merchant(Later(1, 60), OrderStatus.Cancelled, reason: "Customer changed their mind");
            return order;
        }

        order.Merchant(Later(1, 90), OrderStatus.Preparing);
        order.Merchant(Later(1, 120), OrderStatus.ReadyForPickup);
        var carrier = random.Next(3);
        if (carrier == 0)
        {
            order.AssignCourier(Later(0, 30), cast.CourierUser.Id);
        }
        else
        {
            order.AssignPartner(Later(0, 30), carrier == 1 ? cast.Partner1Id : cast.Partner2Id);
            if (random.NextDouble() < 0.4)
            {
                carrier = carrier == 1 ? 2 : 1;
                order.AssignPartner(Later(1, 60), carrier == 1 ? cast.Partner1Id : cast.Partner2Id);
            }
        }

        var mover = carrier switch { 0 => Mover.Courier(cast.Courier), 1 => Mover.Partner(cast.Partner1), _ => Mover.Partner(cast.Partner2) };
        order.Move(Later(5, 120), mover, OrderStatus.PickedUp);
        order.Move(Later(2, 30), mover, OrderStatus.InTransit);
        if (fate == 2)
        {
            return order; // still on its way
        }

        if (fate == 3)
        {
            order.Refused(at, OrderStatus.Pending); // a move the lifecycle refuses changes nothing
        }

        var failures = fate switch { 4 or 5 => 1, 6 or 7 => 2, _ => 0 };
        for (var attempt = 1; attempt <= failures; attempt++)
        {
            var reason = (DeliveryFailureReason)random.Next(Enum.GetValues<DeliveryFailureReason>().Length);
            order.Move(Later(20, 300), mover, OrderStatus.DeliveryFailed, reason.ToString(), reason == DeliveryFailureReason.Other ? "Gate locked" : null);
            if (attempt == failures && fate == 5)
            {
                order.Move(Later(60, 48 * 60), mover, OrderStatus.Returned);
                return order;
            }

            if (attempt == failures && fate == 7)
            {
                return order; // failed, waiting for another attempt
            }

            order.Move(Later(12 * 60, 30 * 60), mover, OrderStatus.InTransit);
        }

        order.Move(Later(15, 300), mover, OrderStatus.Delivered, replayed: true);
        return order;
    }

    private async Task CompactAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnalyticsRollups>().CompactAsync(CancellationToken.None);
    }

    private async Task RebuildAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AnalyticsRollups>().RebuildAsync(CancellationToken.None);
    }

    /// <summary>Every row of every roll-up table, in key order.</summary>
    private async Task<List<object[]>> RollUpRowsAsync()
    {
        var rows = new List<object[]>();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        foreach (var (table, keys) in RollUpTables)
        {
            await using var command = new NpgsqlCommand($"SELECT '{table}', * FROM {table} ORDER BY {keys}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>The same rows: keys and counts equal, sums of seconds equal up to the rounding of sums taken in another order.</summary>
    private static void AssertSameRows(List<object[]> expected, List<object[]> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.All(pair.First.Zip(pair.Second), value =>
        {
            if (value.First is double e && value.Second is double a)
            {
                Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{string.Join(", ", pair.First)}: {e:R} against {a:R}");
            }
            else
            {
                Assert.Equal(value.First, value.Second);
            }
        }));
    }

    /// <summary>Who moves an order once it is picked up: the courier through the user route, or a partner by tracking code with an Idempotency-Key.</summary>
    private sealed record Mover(HttpClient Client, bool IsPartner)
    {
        public static Mover Courier(HttpClient client) => new(client, false);

        public static Mover Partner(HttpClient client) => new(client, true);
    }

    /// <summary>An order's planned steps, run in their order, each at its instant.</summary>
    private sealed class PlannedOrder(HttpClient merchant, DateTimeOffset createdAt, DateTimeOffset? estimate)
    {
        private int _done;
        private OrderResponse? _order;

        public List<(DateTimeOffset At, Func<Task> Act)> Steps { get; } = [];

        /// <summary>Creates the order if it is not yet, then runs its steps up to (not including) <paramref name="until"/>.</summary>
        public async Task RunAsync(ControlledClock clock, int until)
        {
            if (_order is null)
            {
                clock.Set(createdAt);
                _order = await merchant.CreateOrderAsync(OrderBody(estimate));
            }

            for (; _done < until; _done++)
            {
                clock.Set(Steps[_done].At);
                await Steps[_done].Act();
            }
        }

        public void Merchant(DateTimeOffset at, OrderStatus status, string? reason = null) =>
            Steps.Add((at, async () => await (await merchant.ChangeStatusAsync(_order!.Id, status, reason)).ShouldBeAsync(HttpStatusCode.OK)));

        public void AssignCourier(DateTimeOffset at, Guid courierId) =>
            Steps.Add((at, async () => await (await merchant.PostAsJsonAsync($"/api/orders/{_order!.Id}/assignment", new { courierId })).ShouldBeAsync(HttpStatusCode.OK)));

        public void AssignPartner(DateTimeOffset at, Guid partnerId) =>
            Steps.Add((at, async () => await (await merchant.PostAsJsonAsync($"/api/orders/{_order!.Id}/assignment", new { partnerId })).ShouldBeAsync(HttpStatusCode.OK)));

        public void Refused(DateTimeOffset at, OrderStatus status) =>
            Steps.Add((at, async () => await (await merchant.ChangeStatusAsync(_order!.Id, status)).ShouldBeAsync(HttpStatusCode.Conflict)));

        /// <summary>A move by the courier or partner; <paramref name="replayed"/> sends a partner's request twice with one Idempotency-Key.</summary>
        public void Move(DateTimeOffset at, Mover mover, OrderStatus status, string? reason = null, string? note = null, bool replayed = false) =>
            Steps.Add((at, async () =>
            {
                if (!mover.IsPartner)
                {
                    await (await mover.Client.ChangeStatusAsync(_order!.Id, status, reason, note)).ShouldBeAsync(HttpStatusCode.OK);
                    return;
                }

                var key = Guid.NewGuid().ToString();
                foreach (var _ in Enumerable.Range(0, replayed ? 2 : 1))
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/partner/orders/{_order!.TrackingCode}/status")
                    {
                        Content = JsonContent.Create(new { status = status.ToString(), reason, note }),
                    };
                    request.Headers.Add("Idempotency-Key", key);
                    await (await mover.Client.SendAsync(request)).ShouldBeAsync(HttpStatusCode.OK);
                }
            }));
    }

    public sealed record Cast(
        HttpClient Admin,
        HttpClient MerchantA,
        TestUser MerchantAUser,
        HttpClient MerchantB,
        TestUser MerchantBUser,
        HttpClient Courier,
        TestUser CourierUser,
        HttpClient Partner1,
        Guid Partner1Id,
        HttpClient Partner2,
        Guid Partner2Id);

    /// <summary>The app with a clock the tests set, and without background folding: the tests fold when they mean to.</summary>
    public sealed class Api : ApiFactory
    {
        private readonly SemaphoreSlim _casting = new(1, 1);
        private Cast? _cast;

        public ControlledClock Clock { get; } = new();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Analytics:CompactionInterval"] = "1.00:00:00",
            ["Jwt:AccessTokenMinutes"] = "240",
        };

        public async Task<Cast> CastAsync()
        {
            await _casting.WaitAsync();
            try
            {
                return _cast ??= await SignInEveryoneAsync();
            }
            finally
            {
                _casting.Release();
            }
        }

        public async Task<long> CountAsync(string table)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        /// <summary>Everyone signs in (and the partners get their keys) on the system's clock, before any test sets it.</summary>
        private async Task<Cast> SignInEveryoneAsync()
        {
            var (admin, _) = await SignedInAsync(UserRole.Admin);
            var merchantA = await CreateUserAsync(UserRole.Merchant, displayName: "Alpha Bakery");
            var merchantB = await CreateUserAsync(UserRole.Merchant, displayName: "Beta Books");
            var courier = await CreateUserAsync(UserRole.Delivery);
            var (partner1, partner1Id) = await PartnerAsync(admin, "Swift Parcels");
            var (partner2, partner2Id) = await PartnerAsync(admin, "Rapid Vans");
            return new Cast(
                admin,
                await ClientForAsync(merchantA),
                merchantA,
                await ClientForAsync(merchantB),
                merchantB,
                await ClientForAsync(courier),
                courier,
                partner1,
                partner1Id,
                partner2,
                partner2Id);
        }

        private async Task<(HttpClient Client, Guid Id)> PartnerAsync(HttpClient admin, string name)
        {
            var created = await admin.PostAsJsonAsync("/api/partners", new { name });
            await created.ShouldBeAsync(HttpStatusCode.Created);
            var partner = await created.ReadAsync<PartnerResponse>();
            var issued = await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name = "analytics" });
            await issued.ShouldBeAsync(HttpStatusCode.Created);
            var key = await issued.ReadAsync<IssuedKeyResponse>();
            RememberSecret(key.Key);
            var client = CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
            return (client, partner.Id);
        }
    }
}
