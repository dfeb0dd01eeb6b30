using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// The analytics summary from the roll-ups (docs/decisions/0028): per scope (every order, a merchant's, a delivery
/// partner's) and UTC day of creation, the orders by current status with their delivery, on-time and time-in-status
/// sums, the failed attempts by reason and a histogram of delivery times; per UTC hour, the orders created. A range
/// is read as its whole UTC days from the roll-ups (plus the changes recorded since the last folding) and the
/// part-days at its ends live from the orders, so the cost grows with the days of the range, not with its orders.
/// Every statement runs in one read-only repeatable-read transaction, so every figure describes the same snapshot.
/// </summary>
public sealed class AnalyticsReader(AppDbContext db) : IAnalyticsReader
{
    private const double Percentile = 0.9;
    private const int TopMerchantCount = 10;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<AnalyticsSummary> SummarizeAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var query = new RangeQuery(scope);

        // Read only, so the whole transaction is safe to run again after a transient fault.
        var (cells, days, p90, failures, topMerchants) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);

            // Read only; and no JIT: compiling costs more than it saves on statements that read a few thousand rows.
            await db.Database.ExecuteSqlRawAsync("SET TRANSACTION READ ONLY; SET LOCAL jit = off", token);

            var cells = await CellsAsync(query, token);
            var days = await OrdersPerDayAsync(query, token);
            var p90 = await P90DeliverySecondsAsync(query, cells.Sum(c => c.Delivered), token);
            var failures = await FailureReasonsAsync(query, token);
            var topMerchants = query.Scope == Scope.Everyone ? await TopMerchantsAsync(query, token) : null;

            await transaction.CommitAsync(token);
            return (cells, days, p90, failures, topMerchants);
        }, cancellationToken);

        var byStatus = cells.ToDictionary(c => Enum.Parse<OrderStatus>(c.Status));
        var delivered = cells.Sum(c => c.Delivered);
        var withEstimate = cells.Sum(c => c.DeliveredWithEstimate);
        var onTime = cells.Sum(c => c.DeliveredOnTime);
        return new AnalyticsSummary
        {
            From = scope.From,
            To = scope.To,
            TimeZone = scope.TimeZone,
            TotalOrders = cells.Sum(c => c.Orders),
            StatusCounts = Enum.GetValues<OrderStatus>().Select(s => new StatusCount { Status = s, Orders = byStatus.GetValueOrDefault(s)?.Orders ?? 0 }).ToList(),
            OrdersPerDay = days.Select(d => new DailyCount { Date = d.Day, Orders = d.Orders }).ToList(),
            DeliveryTime = new DeliveryTimeFigures
            {
                DeliveredOrders = delivered,
                AverageMinutes = delivered == 0 ? null : cells.Sum(c => c.DeliverySeconds) / delivered / 60,
                P90Minutes = p90 / 60,
            },
            OnTime = new OnTimeFigures
            {
                DeliveredWithEstimate = withEstimate,
                DeliveredOnTime = onTime,
                DeliveredWithoutEstimate = delivered - withEstimate,
                Rate = withEstimate == 0 ? null : (double)onTime / withEstimate,
            },
            TimeInStatus = RollupSql.LeavableStatuses.Select(status =>
            {
                var left = cells.Sum(c => c.Left(status));
                return new StatusDuration { Status = status, Orders = left, AverageMinutes = left == 0 ? null : cells.Sum(c => c.SecondsIn(status)) / left / 60 };
            }).ToList(),
            FailureReasons = failures.Select(f => new FailureReasonCount { Reason = Enum.Parse<DeliveryFailureReason>(f.Reason), Attempts = f.Attempts }).ToList(),
            TopMerchants = topMerchants?.Select(m => new MerchantRanking { MerchantId = m.MerchantId, Name = m.Name, Orders = m.Orders, DeliveredOrders = m.Delivered }).ToList(),
        };
    }

    /// <summary>
    /// The orders in range by current status, with their sums: the roll-up's cells of the whole days, the recorded
    /// changes of those days not folded yet, and the orders of the part-days at the ends, read live.
    /// </summary>
    private Task<List<CellRow>> CellsAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        var sums = string.Join(", ", RollupSql.CellColumns.Select(c => c.StartsWith("seconds_", StringComparison.Ordinal) || c == "delivery_seconds" ? $"sum({c}) AS {c}" : $"sum({c})::int AS {c}"));
        var sql = $"""
            SELECT status, {sums}
            FROM (
                SELECT status, {string.Join(", ", RollupSql.CellColumns)}
                FROM analytics_orders_by_day
                WHERE scope = @scope AND scope_id = @scope_id AND day >= @days_from AND day < @days_to
                UNION ALL
                SELECT status, {RollupSql.CellSums}
                FROM ({query.Pending(RollupSql.SnapshotColumns)} UNION ALL {query.Live(RollupSql.SnapshotColumns)}) AS c
                GROUP BY status
            ) AS cells
            GROUP BY status
            """;
        return db.Database.SqlQueryRaw<CellRow>(sql, query.Parameters()).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Orders by the calendar day of their creation in the caller's zone, every day listed. The days come from
    /// generate_series in that zone, each clipped to [from, to), so DST days have 23 or 25 hours. Each day is its
    /// whole UTC hours from the hourly roll-up (and the recorded changes of those hours) and, where the day starts
    /// or ends inside an hour (a zone whose offset is not a whole number of hours, or a range that does not start
    /// on the hour), the orders of that part-hour counted live: exact in every zone, at a cost of at most two short
    /// index range scans per day.
    /// </summary>
    private Task<List<DayRow>> OrdersPerDayAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH days AS (
                SELECT d::date AS day,
                       greatest(d AT TIME ZONE @zone, @from) AS starts,
                       least((d + interval '1 day') AT TIME ZONE @zone, @to) AS ends
                FROM generate_series(
                    (@from AT TIME ZONE @zone)::date::timestamp,
                    ((@to - interval '1 microsecond') AT TIME ZONE @zone)::date::timestamp,
                    interval '1 day') AS d
            ),
            pieces AS (
                SELECT day, starts, ends,
                       date_bin('1 hour', starts - interval '1 microsecond', {RollupSql.Origin}) + interval '1 hour' AS whole_from,
                       date_bin('1 hour', ends, {RollupSql.Origin}) AS whole_to
                FROM days
            ),
            pending AS (
                SELECT date_bin('1 hour', created_at, {RollupSql.Origin}) AS hour, sum(sign)::int AS orders
                FROM analytics_order_changes
                WHERE {query.Filter}
                GROUP BY 1
            )
            SELECT day,
                   (CASE WHEN whole_from < whole_to THEN
                        coalesce((SELECT sum(h.orders) FROM analytics_orders_by_hour AS h
                                  WHERE h.scope = @scope AND h.scope_id = @scope_id AND h.hour >= whole_from AND h.hour < whole_to), 0)
                        + coalesce((SELECT sum(p.orders) FROM pending AS p WHERE p.hour >= whole_from AND p.hour < whole_to), 0)
                        ELSE 0 END
                    + CASE WHEN starts < least(whole_from, ends) THEN
                        (SELECT count(*) FROM orders WHERE {query.Filter} AND created_at >= starts AND created_at < least(whole_from, ends))
                        ELSE 0 END
                    + CASE WHEN greatest(whole_to, whole_from) < ends THEN
                        (SELECT count(*) FROM orders WHERE {query.Filter} AND created_at >= greatest(whole_to, whole_from) AND created_at < ends)
                        ELSE 0 END)::int AS orders
            FROM pieces
            ORDER BY day
            """;
        return db.Database.SqlQueryRaw<DayRow>(sql, query.Parameters()).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// percentile_cont(0.9) of the delivery times, exactly: with n values sorted ascending it interpolates between
    /// the k-th and (k+1)-th (0-based, k = floor(0.9 (n - 1))). The histogram by whole hours of delivery time finds
    /// the hours those two fall in, the one by whole minutes within those hours finds their minutes, and only the
    /// orders of those minutes are read and sorted, so no more than a few thousand orders are read at any size.
    /// </summary>
    private async Task<double?> P90DeliverySecondsAsync(RangeQuery query, int delivered, CancellationToken cancellationToken)
    {
        if (delivered == 0)
        {
            return null;
        }

        var rank = Percentile * (delivered - 1);
        var lower = Math.Floor(rank);
        var fraction = rank - lower;
        var k = (long)lower;
        var ranks = delivered > 1 ? (k, k + 1) : (k, k);

        var hours = await HistogramAsync(query, "analytics_delivery_hours", "hour", RollupSql.DeliveryHour, int.MinValue, int.MaxValue, cancellationToken);
        var (firstHour, lastHour, belowHours) = Locate(hours, 0, ranks);

        var minutes = await HistogramAsync(query, "analytics_delivery_minutes", "minute", RollupSql.DeliveryMinute, firstHour * 60, (lastHour + 1) * 60, cancellationToken);
        var (firstMinute, lastMinute, belowMinutes) = Locate(minutes, belowHours, ranks);

        var sql = $"""
            SELECT date_part('epoch', delivered_at - created_at) AS "Value"
            FROM orders
            WHERE {query.Filter} AND delivered_at IS NOT NULL
              AND created_at >= @from AND created_at < @to
              AND delivered_at - created_at >= make_interval(secs => @lowest) AND delivered_at - created_at < make_interval(secs => @highest)
            ORDER BY delivered_at - created_at
            OFFSET @skip LIMIT 2
            """;
        var values = await db.Database.SqlQueryRaw<double>(
            sql,
            [
                .. query.Parameters(),
                new NpgsqlParameter<double>("lowest", firstMinute * 60.0),
                new NpgsqlParameter<double>("highest", (lastMinute + 1) * 60.0),
                new NpgsqlParameter<long>("skip", ranks.Item1 - belowMinutes),
            ]).ToListAsync(cancellationToken);
        if (values.Count < (delivered > 1 ? 2 : 1))
        {
            throw new InvalidOperationException("The analytics roll-ups disagree with the orders; run the rebuild-analytics operations verb.");
        }

        var low = values[0];
        var high = delivered > 1 ? values[1] : low;
        return low + fraction * (high - low);
    }

    /// <summary>
    /// Delivered orders in range by <paramref name="bin"/> of delivery time, for bins in [<paramref name="lowest"/>,
    /// <paramref name="highest"/>): the roll-up's whole days, their recorded changes, and the part-days read live.
    /// </summary>
    private Task<List<BinRow>> HistogramAsync(RangeQuery query, string table, string bin, string binOfOrder, int lowest, int highest, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT bin, sum(orders)::int AS orders
            FROM (
                SELECT {bin} AS bin, orders
                FROM {table}
                WHERE scope = @scope AND scope_id = @scope_id AND {bin} >= @lowest AND {bin} < @highest AND day >= @days_from AND day < @days_to
                UNION ALL
                SELECT {binOfOrder}, sign
                FROM ({query.Pending("created_at, delivered_at")} UNION ALL {query.Live("created_at, delivered_at")}) AS c
                WHERE delivered_at IS NOT NULL AND {binOfOrder} >= @lowest AND {binOfOrder} < @highest
            ) AS bins
            GROUP BY bin
            HAVING sum(orders) <> 0
            ORDER BY bin
            """;
        return db.Database.SqlQueryRaw<BinRow>(sql, [.. query.Parameters(), new NpgsqlParameter<int>("lowest", lowest), new NpgsqlParameter<int>("highest", highest)]).ToListAsync(cancellationToken);
    }

    /// <summary>The bins that hold the values of <paramref name="ranks"/>, and how many values lie below the first of them.</summary>
    private static (int First, int Last, long Below) Locate(List<BinRow> bins, long below, (long First, long Last) ranks)
    {
        int? first = null;
        var belowFirst = 0L;
        foreach (var row in bins)
        {
            if (first is null && below + row.Orders > ranks.First)
            {
                first = row.Bin;
                belowFirst = below;
            }

            if (below + row.Orders > ranks.Last)
            {
                return (first!.Value, row.Bin, belowFirst);
            }

            below += row.Orders;
        }

        throw new InvalidOperationException("The analytics roll-ups disagree with the orders; run the rebuild-analytics operations verb.");
    }

    /// <summary>
    /// Failed delivery attempts of the orders in range by reason. Live, only orders that are or have been in
    /// DeliveryFailed can have one (a partial index), so the part-days join few orders to their history.
    /// </summary>
    private Task<List<FailureRow>> FailureReasonsAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT reason, sum(attempts)::int AS attempts
            FROM (
                SELECT reason, attempts
                FROM analytics_failures_by_day
                WHERE scope = @scope AND scope_id = @scope_id AND day >= @days_from AND day < @days_to
                UNION ALL
                SELECT reason, sign
                FROM analytics_failure_changes
                WHERE {query.Filter} AND created_at >= @days_from AND created_at < @days_to
                UNION ALL
                SELECT h.reason, 1
                FROM ({query.Live("id", "(seconds_in_delivery_failed IS NOT NULL OR status = 'DeliveryFailed')")}) AS o
                JOIN order_history AS h ON h.order_id = o.id AND h."to" = 'DeliveryFailed'
            ) AS attempts
            GROUP BY reason
            HAVING sum(attempts) <> 0
            ORDER BY attempts DESC, reason
            """;
        return db.Database.SqlQueryRaw<FailureRow>(sql, query.Parameters()).ToListAsync(cancellationToken);
    }

    /// <summary>Each merchant's orders in range, from the merchants' roll-ups of the whole days plus the rest as above.</summary>
    private Task<List<MerchantRow>> TopMerchantsAsync(RangeQuery query, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH ranked AS (
                SELECT merchant_id, sum(orders)::int AS orders, sum(delivered)::int AS delivered
                FROM (
                    SELECT scope_id AS merchant_id, orders, delivered
                    FROM analytics_orders_by_day
                    WHERE scope = 'merchant' AND day >= @days_from AND day < @days_to
                    UNION ALL
                    SELECT merchant_id, sign, CASE WHEN delivered_at IS NOT NULL THEN sign ELSE 0 END
                    FROM ({query.Pending("merchant_id, delivered_at")} UNION ALL {query.Live("merchant_id, delivered_at")}) AS c
                ) AS counted
                GROUP BY merchant_id
                HAVING sum(orders) > 0
                ORDER BY orders DESC, merchant_id
                LIMIT {TopMerchantCount}
            )
            SELECT ranked.merchant_id, coalesce(u.display_name, '') AS name, ranked.orders, ranked.delivered
            FROM ranked
            LEFT JOIN users AS u ON u.id = ranked.merchant_id
            ORDER BY ranked.orders DESC, ranked.merchant_id
            """;
        return db.Database.SqlQueryRaw<MerchantRow>(sql, query.Parameters()).ToListAsync(cancellationToken);
    }

    private enum Scope
    {
        Everyone,
        Merchant,
        Partner,
    }

    /// <summary>
    /// One summary's range split for the roll-ups: its whole UTC days [DaysFrom, DaysTo) come from the roll-ups,
    /// the part-days [From, DaysFrom) and [DaysTo, To) are read live (all of it when it holds no whole day).
    /// </summary>
    private sealed class RangeQuery
    {
        private readonly AnalyticsScope _summary;
        private readonly DateTimeOffset _daysFrom;
        private readonly DateTimeOffset _daysTo;

        public RangeQuery(AnalyticsScope summary)
        {
            _summary = summary;
            (Scope, ScopeId, Filter) = summary switch
            {
                { MerchantId: { } merchant } => (Scope.Merchant, merchant, "merchant_id = @scope_id"),
                { PartnerId: { } partner } => (Scope.Partner, partner, "assigned_partner_id = @scope_id"),
                _ => (Scope.Everyone, RollupSql.EveryOrder, "TRUE"),
            };

            var daysFrom = Ceiling(summary.From, Day);
            var daysTo = Floor(summary.To, Day);
            (_daysFrom, _daysTo) = daysFrom < daysTo ? (daysFrom, daysTo) : (summary.To, summary.To);
        }

        public Scope Scope { get; }

        public Guid ScopeId { get; }

        /// <summary>Which orders (or recorded changes) belong to the scope.</summary>
        public string Filter { get; }

        /// <summary>The recorded changes of the whole days not folded into the roll-ups yet, as rows of (sign, <paramref name="columns"/>).</summary>
        public string Pending(string columns) =>
            $"SELECT sign, {columns} FROM analytics_order_changes WHERE {Filter} AND created_at >= @days_from AND created_at < @days_to";

        /// <summary>
        /// The orders of the part-days at the ends of the range (that meet <paramref name="condition"/>), as rows of
        /// (sign, <paramref name="columns"/>): two index range scans.
        /// </summary>
        public string Live(string columns, string condition = "TRUE") => $"""
            SELECT 1 AS sign, {columns} FROM orders WHERE {Filter} AND {condition} AND created_at >= @from AND created_at < @days_from
            UNION ALL
            SELECT 1 AS sign, {columns} FROM orders WHERE {Filter} AND {condition} AND created_at >= @days_to AND created_at < @to
            """;

        /// <summary>Fresh parameters for one statement (a parameter belongs to one command).</summary>
        public NpgsqlParameter[] Parameters() =>
        [
            new NpgsqlParameter<DateTimeOffset>("from", _summary.From),
            new NpgsqlParameter<DateTimeOffset>("to", _summary.To),
            new NpgsqlParameter<DateTimeOffset>("days_from", _daysFrom),
            new NpgsqlParameter<DateTimeOffset>("days_to", _daysTo),
            new NpgsqlParameter<string>("zone", _summary.TimeZone),
            new NpgsqlParameter<string>("scope", Scope switch { Scope.Merchant => "merchant", Scope.Partner => "partner", _ => "all" }),
            new NpgsqlParameter<Guid>("scope_id", ScopeId),
        ];

        private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit) => new(at.UtcTicks - (at.UtcTicks % unit.Ticks), TimeSpan.Zero);

        private static DateTimeOffset Ceiling(DateTimeOffset at, TimeSpan unit) => Floor(at, unit) is var floor && floor == at ? floor : floor + unit;
    }

    private sealed class CellRow
    {
        public string Status { get; init; } = string.Empty;
        public int Orders { get; init; }
        public int Delivered { get; init; }
        public double DeliverySeconds { get; init; }
        public int DeliveredWithEstimate { get; init; }
        public int DeliveredOnTime { get; init; }
        public int LeftPending { get; init; }
        public double SecondsInPending { get; init; }
        public int LeftConfirmed { get; init; }
        public double SecondsInConfirmed { get; init; }
        public int LeftPreparing { get; init; }
        public double SecondsInPreparing { get; init; }
        public int LeftReadyForPickup { get; init; }
        public double SecondsInReadyForPickup { get; init; }
        public int LeftPickedUp { get; init; }
        public double SecondsInPickedUp { get; init; }
        public int LeftInTransit { get; init; }
        public double SecondsInInTransit { get; init; }
        public int LeftDeliveryFailed { get; init; }
        public double SecondsInDeliveryFailed { get; init; }

        public int Left(OrderStatus status) => status switch
        {
            OrderStatus.Pending => LeftPending,
            OrderStatus.Confirmed => LeftConfirmed,
            OrderStatus.Preparing => LeftPreparing,
            OrderStatus.ReadyForPickup => LeftReadyForPickup,
            OrderStatus.PickedUp => LeftPickedUp,
            OrderStatus.InTransit => LeftInTransit,
            OrderStatus.DeliveryFailed => LeftDeliveryFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A terminal status is never left."),
        };

        public double SecondsIn(OrderStatus status) => status switch
        {
            OrderStatus.Pending => SecondsInPending,
            OrderStatus.Confirmed => SecondsInConfirmed,
            OrderStatus.Preparing => SecondsInPreparing,
            OrderStatus.ReadyForPickup => SecondsInReadyForPickup,
            OrderStatus.PickedUp => SecondsInPickedUp,
            OrderStatus.InTransit => SecondsInInTransit,
            OrderStatus.DeliveryFailed => SecondsInDeliveryFailed,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A terminal status is never left."),
        };
    }

    private sealed class DayRow
    {
        public DateOnly Day { get; init; }
        public int Orders { get; init; }
    }

    private sealed class BinRow
    {
        public int Bin { get; init; }
        public int Orders { get; init; }
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
