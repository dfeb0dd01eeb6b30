using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Analytics;

/// <summary>
/// The analytics summary from the roll-ups (docs/decisions/0028): per scope (every order, a merchant's, a delivery
/// partner's) and UTC day and month of creation, the orders by current status with their delivery, on-time and
/// time-in-status sums, the failed attempts by reason and histograms of delivery times; per UTC hour, the orders
/// created. A range is read as its whole UTC months and the other whole UTC days from the roll-ups (plus the changes
/// recorded since the last folding) and the part-days at its ends live from the orders, so the cost grows with the
/// days of the range, not with its orders. Every statement runs in one read-only repeatable-read transaction, so
/// every figure describes the same snapshot; the independent ones go in one batch, one round trip.
/// </summary>
public sealed class AnalyticsReader(AppDbContext db) : IAnalyticsReader
{
    private const double Percentile = 0.9;
    private const string PercentileSql = "0.9::float8";
    private const int TopMerchantCount = 10;
    private const string RollupsDisagree = "The analytics roll-ups disagree with the orders; run the rebuild-analytics operations verb.";

    public async Task<AnalyticsSummary> SummarizeAsync(AnalyticsScope scope, CancellationToken cancellationToken)
    {
        var query = new RangeQuery(scope);

        // Read only, so the whole transaction is safe to run again after a transient fault. A client that leaves does not
        // cancel the batch half-way: Npgsql 10.0.3 then still counts the statements after the cancelled one as prepared on
        // that connection (automatic preparation, ADR 0043) though the server never parsed them, and the next summary
        // there fails ("prepared statement _autoN does not exist", or "Received unexpected backend message DataRow").
        // The batch takes tens of milliseconds, and statement_timeout still bounds it.
        cancellationToken.ThrowIfCancellationRequested();
        var figures = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);
            var figures = await ReadFiguresAsync(query, (NpgsqlTransaction)transaction.GetDbTransaction(), token);
            await transaction.CommitAsync(token);
            return figures;
        }, CancellationToken.None);

        var cells = figures.Cells;
        var delivered = cells.Sum(c => c.Delivered);
        var withEstimate = cells.Sum(c => c.DeliveredWithEstimate);
        var onTime = cells.Sum(c => c.DeliveredOnTime);
        return new AnalyticsSummary
        {
            From = scope.From,
            To = scope.To,
            TimeZone = scope.TimeZone,
            TotalOrders = cells.Sum(c => c.Orders),
            StatusCounts = Enum.GetValues<OrderStatus>().Select(s => new StatusCount { Status = s, Orders = cells.Where(c => c.Status == s).Sum(c => c.Orders) }).ToList(),
            OrdersPerDay = figures.Days,
            DeliveryTime = new DeliveryTimeFigures
            {
                DeliveredOrders = delivered,
                AverageMinutes = delivered == 0 ? null : cells.Sum(c => c.DeliverySeconds) / delivered / 60,
                P90Minutes = figures.P90Seconds / 60,
            },
            OnTime = new OnTimeFigures
            {
                DeliveredWithEstimate = withEstimate,
                DeliveredOnTime = onTime,
                DeliveredWithoutEstimate = delivered - withEstimate,
                Rate = withEstimate == 0 ? null : (double)onTime / withEstimate,
            },
            TimeInStatus = RollupSql.LeavableStatuses.Select((status, i) =>
            {
                var left = cells.Sum(c => c.Left[i]);
                return new StatusDuration { Status = status, Orders = left, AverageMinutes = left == 0 ? null : cells.Sum(c => c.SecondsIn[i]) / left / 60 };
            }).ToList(),
            FailureReasons = figures.Failures,
            TopMerchants = figures.TopMerchants,
        };
    }

    /// <summary>Every statement in one batch, one round trip: cells, days, hours, failures, the p90's two delivery times and the top merchants.</summary>
    private static async Task<Figures> ReadFiguresAsync(RangeQuery query, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);

        // Read only; and no JIT: the per-day statement's estimate is large enough to trigger it, and compiling costs
        // more than it saves on statements that read a few thousand rows.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL jit = off"));
        batch.BatchCommands.Add(query.Command(CellsSql(query)));
        batch.BatchCommands.Add(query.Command(DaysSql(query)));
        batch.BatchCommands.Add(query.Command(HoursSql));
        batch.BatchCommands.Add(query.Command(PendingHoursSql(query)));
        batch.BatchCommands.Add(query.Command(FailuresSql(query)));
        batch.BatchCommands.Add(query.Command(P90Sql(query)));
        if (query.Scope == Scope.Everyone)
        {
            batch.BatchCommands.Add(query.Command(TopMerchantsSql(query)));
        }

        List<CellRow> cells;
        List<DailyCount> days;
        List<FailureReasonCount> failures;
        List<(long Delivered, double Seconds)> p90Values;
        List<MerchantRanking>? topMerchants = null;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            cells = await ReadAllAsync(reader, r => new CellRow(r), cancellationToken);
            var dayPieces = await NextAsync(reader, r => (Day: r.GetFieldValue<DateOnly>(0), WholeFrom: r.GetFieldValue<DateTimeOffset>(1), WholeTo: r.GetFieldValue<DateTimeOffset>(2), Live: r.GetInt32(3)), cancellationToken);
            var hours = await NextAsync(reader, r => (Day: r.GetFieldValue<DateTimeOffset>(0), Orders: Enumerable.Range(1, 24).Select(r.GetInt32).ToArray()), cancellationToken);
            var pendingHours = await NextAsync(reader, r => (Hour: r.GetFieldValue<DateTimeOffset>(0), Orders: r.GetInt32(1)), cancellationToken);
            days = OrdersPerDay(dayPieces, [.. hours.SelectMany(d => d.Orders.Select((orders, h) => (Hour: d.Day.AddHours(h), Orders: orders))), .. pendingHours]);
            failures = await NextAsync(reader, r => new FailureReasonCount { Reason = Enum.Parse<DeliveryFailureReason>(r.GetString(0)), Attempts = r.GetInt32(1) }, cancellationToken);
            p90Values = await NextAsync(reader, r => (r.GetInt64(0), r.GetDouble(1)), cancellationToken);
            if (query.Scope == Scope.Everyone)
            {
                topMerchants = await NextAsync(reader, r => new MerchantRanking { MerchantId = r.GetGuid(0), Name = r.GetString(1), Orders = r.GetInt32(2), DeliveredOrders = r.GetInt32(3) }, cancellationToken);
            }
        }

        return new Figures(cells, days, P90(cells.Sum(c => c.Delivered), p90Values), failures, topMerchants);
    }

    /// <summary>
    /// The orders in range by current status, with their sums: the roll-up's cells of the whole days (and months),
    /// the recorded changes of those days not folded yet, and the orders of the part-days at the ends, read live.
    /// </summary>
    private static string CellsSql(RangeQuery query)
    {
        var sums = string.Join(", ", RollupSql.CellColumns.Select(c => c.Contains("seconds", StringComparison.Ordinal) ? $"sum({c})" : $"sum({c})::int"));
        return $"""
            SELECT status, {sums}
            FROM (
                {RangeQuery.Rolled("analytics_orders", "status, " + string.Join(", ", RollupSql.CellColumns))}
                UNION ALL
                SELECT status, {RollupSql.CellSums}
                FROM ({query.Pending(RollupSql.SnapshotColumns)} UNION ALL {query.Live(RollupSql.SnapshotColumns)}) AS c
                GROUP BY status
            ) AS cells
            GROUP BY status
            """;
    }

    /// <summary>
    /// Every calendar day of the range in the caller's zone, from generate_series in that zone, each clipped to
    /// [from, to), so DST days have 23 or 25 hours: its whole UTC hours [whole_from, whole_to), counted from the hourly
    /// roll-up (<see cref="HoursSql"/>), and the orders of the part-hours where it starts or ends inside an hour (a zone
    /// whose offset is not a whole number of hours, or a range that does not start on the hour), counted live: exact in
    /// every zone, at a cost of at most two short index range scans per day.
    /// </summary>
    private static string DaysSql(RangeQuery query) => $"""
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
        )
        SELECT day, whole_from, whole_to,
               (CASE WHEN starts < least(whole_from, ends) THEN
                    (SELECT count(*) FROM orders WHERE {query.Filter} AND created_at >= starts AND created_at < least(whole_from, ends))
                    ELSE 0 END
                + CASE WHEN greatest(whole_to, whole_from) < ends THEN
                    (SELECT count(*) FROM orders WHERE {query.Filter} AND created_at >= greatest(whole_to, whole_from) AND created_at < ends)
                    ELSE 0 END)::int AS live
        FROM pieces
        ORDER BY day
        """;

    /// <summary>The orders created in each UTC hour of the days that hold the range's whole UTC hours, a row per day.</summary>
    private static readonly string HoursSql = $"""
        SELECT day, {string.Join(", ", RollupSql.HourColumns)}
        FROM analytics_orders_by_hour
        WHERE scope = @scope AND scope_id = @scope_id AND day >= @hour_days_from AND day < @hours_to
        ORDER BY day
        """;

    /// <summary>The recorded changes of the range's whole UTC hours, by hour.</summary>
    private static string PendingHoursSql(RangeQuery query) => $"""
        SELECT date_bin('1 hour', created_at, {RollupSql.Origin}), sum(sign)::int
        FROM analytics_order_changes
        WHERE {query.Filter} AND created_at >= @hours_from AND created_at < @hours_to
        GROUP BY 1
        """;

    /// <summary>Each day's live part-hours plus the orders of the hours that lie in its whole hours; the days are in time order.</summary>
    private static List<DailyCount> OrdersPerDay(List<(DateOnly Day, DateTimeOffset WholeFrom, DateTimeOffset WholeTo, int Live)> days, List<(DateTimeOffset Hour, int Orders)> hours)
    {
        hours.Sort((a, b) => a.Hour.CompareTo(b.Hour));
        var counts = new List<DailyCount>(days.Count);
        var next = 0;
        foreach (var (day, wholeFrom, wholeTo, live) in days)
        {
            var orders = live;
            while (next < hours.Count && hours[next].Hour < wholeFrom)
            {
                next++; // a part-hour between two days, counted live
            }

            while (next < hours.Count && hours[next].Hour < wholeTo)
            {
                orders += hours[next++].Orders;
            }

            counts.Add(new DailyCount { Date = day, Orders = orders });
        }

        return counts;
    }

    /// <summary>
    /// Failed delivery attempts of the orders in range by reason. Live, only orders that are or have been in
    /// DeliveryFailed can have one (a partial index), so the part-days join few orders to their history.
    /// </summary>
    private static string FailuresSql(RangeQuery query) => $"""
        SELECT reason, sum(attempts)::int AS attempts
        FROM (
            {RangeQuery.Rolled("analytics_failures", "reason, attempts")}
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

    /// <summary>Each merchant's orders in range, from the merchants' roll-ups of the whole days plus the rest as above.</summary>
    private static string TopMerchantsSql(RangeQuery query) => $"""
        WITH ranked AS (
            SELECT merchant_id, sum(orders)::int AS orders, sum(delivered)::int AS delivered
            FROM (
                {RangeQuery.Rolled("analytics_orders", "scope_id AS merchant_id, orders, delivered", scope: "scope = 'merchant'")}
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

    /// <summary>
    /// Delivered orders in range by <paramref name="bin"/> of delivery time, for bins in [<paramref name="lowest"/>,
    /// <paramref name="highest"/>) (SQL expressions): the roll-up's whole days, their recorded changes, and the
    /// part-days read live. <paramref name="perPeriod"/> looks the bins up period by period, for a table keyed by
    /// period before bin, where one range over the periods would pass over every bin of each.
    /// </summary>
    private static string HistogramSql(RangeQuery query, string table, string bin, string binOfOrder, string lowest, string highest, bool perPeriod = false) => $"""
        SELECT bin, sum(orders) AS orders
        FROM (
            {(perPeriod ? RangeQuery.RolledPerPeriod(table, $"{bin} AS bin, orders", $"{bin} >= {lowest} AND {bin} < {highest}") : RangeQuery.Rolled(table, $"{bin} AS bin, orders", $"{bin} >= {lowest} AND {bin} < {highest}"))}
            UNION ALL
            SELECT {binOfOrder}, sign
            FROM ({query.Pending("created_at, delivered_at")} UNION ALL {query.Live("created_at, delivered_at")}) AS c
            WHERE delivered_at IS NOT NULL AND {binOfOrder} >= {lowest} AND {binOfOrder} < {highest}
        ) AS bins
        GROUP BY bin
        HAVING sum(orders) <> 0
        """;

    /// <summary>
    /// The two delivery times percentile_cont(0.9) interpolates between, with how many orders were delivered. With n
    /// values sorted ascending it takes the k-th and (k+1)-th (0-based, k = floor(0.9 (n - 1))). The histogram by whole
    /// hours of delivery time finds the hours those two fall in (and how many lie below), the one by whole minutes
    /// within those hours their minutes, and only the orders of those minutes are read and sorted: about a hundred
    /// for a year of 1 000 000 orders. One statement, so it joins the batch.
    /// </summary>
    private static string P90Sql(RangeQuery query) => $"""
        WITH hour_bins AS (
            {HistogramSql(query, "analytics_delivery_hours", "hour", RollupSql.DeliveryHour, "-2147483648", "2147483647")}
        ),
        ranks AS (
            SELECT n, floor({PercentileSql} * (n - 1))::bigint AS k, floor({PercentileSql} * (n - 1))::bigint + least(n - 1, 1) AS k1
            FROM (SELECT sum(orders)::bigint AS n FROM hour_bins) AS total
            WHERE n > 0
        ),
        hours AS ({Locate("hour_bins", "0")}),
        minute_bins AS (
            {HistogramSql(query, "analytics_delivery_minutes", "minute", RollupSql.DeliveryMinute, "(SELECT first_bin * 60 FROM hours)", "(SELECT (last_bin + 1) * 60 FROM hours)", perPeriod: true)}
        ),
        minutes AS ({Locate("minute_bins", "(SELECT below FROM hours)")})
        SELECT (SELECT n FROM ranks), date_part('epoch', delivered_at - created_at)
        FROM orders
        WHERE {query.Filter} AND delivered_at IS NOT NULL
          AND created_at >= @from AND created_at < @to
          AND delivered_at - created_at >= make_interval(secs => (SELECT first_bin * 60 FROM minutes))
          AND delivered_at - created_at < make_interval(secs => (SELECT (last_bin + 1) * 60 FROM minutes))
        ORDER BY delivered_at - created_at
        OFFSET (SELECT (ranks.k - minutes.below)::bigint FROM ranks, minutes) LIMIT 2
        """;

    /// <summary>
    /// The first bin of <paramref name="bins"/> that holds rank k, how many values lie below it (counting from
    /// <paramref name="below"/>), and the bin that holds rank k + 1.
    /// </summary>
    private static string Locate(string bins, string below) => $"""
        SELECT min(b.bin) FILTER (WHERE b.below + b.orders > ranks.k) AS first_bin,
               min(b.below) FILTER (WHERE b.below + b.orders > ranks.k) AS below,
               min(b.bin) FILTER (WHERE b.below + b.orders > ranks.k1) AS last_bin
        FROM (SELECT bin, orders, {below} + sum(orders) OVER (ORDER BY bin) - orders AS below FROM {bins}) AS b
        CROSS JOIN ranks
        """;

    /// <summary>
    /// percentile_cont(0.9) from the two delivery times around it: the k-th plus the fraction of the way to the
    /// (k+1)-th, worked out as PostgreSQL does; null when nothing was delivered.
    /// </summary>
    private static double? P90(int delivered, List<(long Delivered, double Seconds)> values)
    {
        if (delivered == 0)
        {
            return null;
        }

        if (values.Count < Math.Min(delivered, 2) || values[0].Delivered != delivered)
        {
            throw new InvalidOperationException(RollupsDisagree);
        }

        var rank = Percentile * (delivered - 1);
        var fraction = rank - Math.Floor(rank);
        var low = values[0].Seconds;
        var high = delivered > 1 ? values[1].Seconds : low;
        return low + fraction * (high - low);
    }

    private static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<List<T>> NextAsync<T>(DbDataReader reader, Func<DbDataReader, T> read, CancellationToken cancellationToken) =>
        await reader.NextResultAsync(cancellationToken) ? await ReadAllAsync(reader, read, cancellationToken) : throw new InvalidOperationException("A statement of the batch returned no result.");

    private enum Scope
    {
        Everyone,
        Merchant,
        Partner,
    }

    private sealed record Figures(List<CellRow> Cells, List<DailyCount> Days, double? P90Seconds, List<FailureReasonCount> Failures, List<MerchantRanking>? TopMerchants);

    /// <summary>One status's figures: <see cref="RollupSql.CellColumns"/> after the status, time in each leavable status as pairs.</summary>
    private sealed class CellRow
    {
        public CellRow(DbDataReader row)
        {
            Status = Enum.Parse<OrderStatus>(row.GetString(0));
            Orders = row.GetInt32(1);
            Delivered = row.GetInt32(2);
            DeliverySeconds = row.GetDouble(3);
            DeliveredWithEstimate = row.GetInt32(4);
            DeliveredOnTime = row.GetInt32(5);
            Left = RollupSql.LeavableStatuses.Select((_, i) => row.GetInt32(6 + (2 * i))).ToArray();
            SecondsIn = RollupSql.LeavableStatuses.Select((_, i) => row.GetDouble(7 + (2 * i))).ToArray();
        }

        public OrderStatus Status { get; }
        public int Orders { get; }
        public int Delivered { get; }
        public double DeliverySeconds { get; }
        public int DeliveredWithEstimate { get; }
        public int DeliveredOnTime { get; }

        /// <summary>By <see cref="RollupSql.LeavableStatuses"/>: how many orders left each.</summary>
        public int[] Left { get; }

        /// <summary>By <see cref="RollupSql.LeavableStatuses"/>: their seconds in it.</summary>
        public double[] SecondsIn { get; }
    }

    /// <summary>
    /// One summary's range split for the roll-ups: its whole UTC days [DaysFrom, DaysTo) come from the roll-ups (the
    /// whole UTC months among them from the months' rows), the part-days [From, DaysFrom) and [DaysTo, To) are read
    /// live (all of it when it holds no whole day); its whole UTC hours [HoursFrom, HoursTo) from the hourly roll-up.
    /// </summary>
    private sealed class RangeQuery
    {
        private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
        private static readonly TimeSpan Day = TimeSpan.FromDays(1);

        private readonly AnalyticsScope _summary;
        private readonly DateTimeOffset _daysFrom;
        private readonly DateTimeOffset _daysTo;
        private readonly DateTimeOffset _monthsFrom;
        private readonly DateTimeOffset _monthsTo;
        private readonly DateTimeOffset _hoursFrom;
        private readonly DateTimeOffset _hoursTo;

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
            var monthsFrom = Month(_daysFrom) is var first && first == _daysFrom ? first : first.AddMonths(1);
            var monthsTo = Month(_daysTo);
            (_monthsFrom, _monthsTo) = monthsFrom < monthsTo ? (monthsFrom, monthsTo) : (_daysTo, _daysTo);
            (_hoursFrom, _hoursTo) = (Ceiling(summary.From, Hour), Floor(summary.To, Hour));
        }

        public Scope Scope { get; }

        public Guid ScopeId { get; }

        /// <summary>Which orders (or recorded changes) belong to the scope.</summary>
        public string Filter { get; }

        /// <summary>
        /// The roll-up rows of <paramref name="table"/> that make up the whole days (that meet <paramref name="condition"/>):
        /// those of the whole UTC months among them, and of the days before and after those months; three index range scans.
        /// </summary>
        public static string Rolled(string table, string columns, string condition = "TRUE", string scope = "scope = @scope AND scope_id = @scope_id") => $"""
            SELECT {columns} FROM {table} WHERE {scope} AND period = 'month' AND period_start >= @months_from AND period_start < @months_to AND {condition}
            UNION ALL
            SELECT {columns} FROM {table} WHERE {scope} AND period = 'day' AND period_start >= @days_from AND period_start < @months_from AND {condition}
            UNION ALL
            SELECT {columns} FROM {table} WHERE {scope} AND period = 'day' AND period_start >= @months_to AND period_start < @days_to AND {condition}
            """;

        /// <summary>
        /// As <see cref="Rolled"/>, but one index lookup per period (month or day) for the rows of a bin range, for a
        /// table whose key puts the period before the bin. <c>OFFSET 0</c> keeps the lookup per period: flattened into a
        /// join, the planner would rather pass once over every period's bins of the scope (160 ms instead of 1).
        /// </summary>
        public static string RolledPerPeriod(string table, string columns, string condition) => $"""
            SELECT found.*
            FROM (
                SELECT 'month' AS period, m AT TIME ZONE 'UTC' AS period_start
                FROM generate_series(@months_from AT TIME ZONE 'UTC', (@months_to AT TIME ZONE 'UTC') - interval '1 month', interval '1 month') AS m
                UNION ALL
                SELECT 'day', d AT TIME ZONE 'UTC'
                FROM generate_series(@days_from AT TIME ZONE 'UTC', (@months_from AT TIME ZONE 'UTC') - interval '1 day', interval '1 day') AS d
                UNION ALL
                SELECT 'day', d AT TIME ZONE 'UTC'
                FROM generate_series(@months_to AT TIME ZONE 'UTC', (@days_to AT TIME ZONE 'UTC') - interval '1 day', interval '1 day') AS d
            ) AS periods
            CROSS JOIN LATERAL (
                SELECT {columns} FROM {table}
                WHERE scope = @scope AND scope_id = @scope_id AND period = periods.period AND period_start = periods.period_start AND {condition}
                OFFSET 0
            ) AS found
            """;

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

        /// <summary>A statement of the batch with fresh parameters (a parameter belongs to one statement).</summary>
        public NpgsqlBatchCommand Command(string sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(Parameters());
            return command;
        }

        private NpgsqlParameter[] Parameters() =>
        [
            new NpgsqlParameter<DateTimeOffset>("from", _summary.From),
            new NpgsqlParameter<DateTimeOffset>("to", _summary.To),
            new NpgsqlParameter<DateTimeOffset>("days_from", _daysFrom),
            new NpgsqlParameter<DateTimeOffset>("days_to", _daysTo),
            new NpgsqlParameter<DateTimeOffset>("months_from", _monthsFrom),
            new NpgsqlParameter<DateTimeOffset>("months_to", _monthsTo),
            new NpgsqlParameter<DateTimeOffset>("hours_from", _hoursFrom),
            new NpgsqlParameter<DateTimeOffset>("hour_days_from", Floor(_hoursFrom, Day)),
            new NpgsqlParameter<DateTimeOffset>("hours_to", _hoursTo),
            new NpgsqlParameter<string>("zone", _summary.TimeZone),
            new NpgsqlParameter<string>("scope", Scope switch { Scope.Merchant => "merchant", Scope.Partner => "partner", _ => "all" }),
            new NpgsqlParameter<Guid>("scope_id", ScopeId),
        ];

        private static DateTimeOffset Floor(DateTimeOffset at, TimeSpan unit) => new(at.UtcTicks - (at.UtcTicks % unit.Ticks), TimeSpan.Zero);

        private static DateTimeOffset Ceiling(DateTimeOffset at, TimeSpan unit) => Floor(at, unit) is var floor && floor == at ? floor : floor + unit;

        private static DateTimeOffset Month(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }
}
