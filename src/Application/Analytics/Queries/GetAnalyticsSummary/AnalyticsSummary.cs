using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;

/// <summary>
/// Figures over the orders in range: those the caller may see (a merchant: its own; a delivery partner: those now
/// assigned to it; an admin: all) that were created at or after <see cref="From"/> and before <see cref="To"/>.
/// Every figure describes that same set of orders as it stands now, so an order created in range and delivered after
/// it still counts as delivered.
/// </summary>
public sealed record AnalyticsSummary
{
    /// <summary>Start of the range, inclusive (UTC).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>End of the range, exclusive (UTC).</summary>
    public required DateTimeOffset To { get; init; }

    /// <summary>The IANA time zone that decides which calendar day an order falls on.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Orders in range.</summary>
    public required int TotalOrders { get; init; }

    /// <summary>Orders in range by their current status; every status is listed, in lifecycle order, zeros included.</summary>
    public required IReadOnlyList<StatusCount> StatusCounts { get; init; }

    /// <summary>Orders in range by the calendar day of their creation in <see cref="TimeZone"/>; every day of the range is listed, oldest first, zeros included.</summary>
    public required IReadOnlyList<DailyCount> OrdersPerDay { get; init; }

    /// <summary>Minutes from creation to delivery of the delivered orders in range.</summary>
    public required DeliveryTimeFigures DeliveryTime { get; init; }

    /// <summary>How many delivered orders in range arrived by their estimated delivery time.</summary>
    public required OnTimeFigures OnTime { get; init; }

    /// <summary>
    /// For each status an order can leave, in lifecycle order: the average total time the orders in range that left it
    /// spent in it. A stay ends with the next status change (assignments do not end it); repeated stays add up.
    /// The time an order has spent so far in its current status is not counted.
    /// </summary>
    public required IReadOnlyList<StatusDuration> TimeInStatus { get; init; }

    /// <summary>Failed delivery attempts of the orders in range by reason, most frequent first; an order that failed twice counts twice.</summary>
    public required IReadOnlyList<FailureReasonCount> FailureReasons { get; init; }

    /// <summary>For an admin, the (at most 10) merchants with the most orders in range, most first; null for a merchant or a partner.</summary>
    public IReadOnlyList<MerchantRanking>? TopMerchants { get; init; }
}

/// <summary>How many orders are in one status.</summary>
public sealed record StatusCount
{
    public required OrderStatus Status { get; init; }
    public required int Orders { get; init; }
}

/// <summary>How many orders were created on one calendar day.</summary>
public sealed record DailyCount
{
    /// <summary>The calendar day in the summary's time zone (yyyy-MM-dd).</summary>
    public required DateOnly Date { get; init; }

    public required int Orders { get; init; }
}

/// <summary>Creation-to-delivery times of the delivered orders.</summary>
public sealed record DeliveryTimeFigures
{
    /// <summary>Orders in range that are delivered.</summary>
    public required int DeliveredOrders { get; init; }

    /// <summary>Average minutes from creation to delivery; null when nothing was delivered.</summary>
    public double? AverageMinutes { get; init; }

    /// <summary>
    /// The 90th percentile of minutes from creation to delivery, interpolated between the two nearest orders as
    /// PostgreSQL's <c>percentile_cont(0.9)</c> does; null when nothing was delivered.
    /// </summary>
    public double? P90Minutes { get; init; }
}

/// <summary>
/// Delivered orders against their <c>estimatedDeliveryAt</c>. An order delivered at or before its estimate is on time.
/// Orders without an estimate cannot be on time or late: they are left out of the rate and counted on their own.
/// </summary>
public sealed record OnTimeFigures
{
    /// <summary>Delivered orders that had an estimate: the base of the rate.</summary>
    public required int DeliveredWithEstimate { get; init; }

    /// <summary>Delivered orders that arrived at or before their estimate.</summary>
    public required int DeliveredOnTime { get; init; }

    /// <summary>Delivered orders that had no estimate; not part of the rate.</summary>
    public required int DeliveredWithoutEstimate { get; init; }

    /// <summary><see cref="DeliveredOnTime"/> / <see cref="DeliveredWithEstimate"/>, between 0 and 1; null when no delivered order had an estimate.</summary>
    public double? Rate { get; init; }
}

/// <summary>Average time spent in one status by the orders that have left it.</summary>
public sealed record StatusDuration
{
    public required OrderStatus Status { get; init; }

    /// <summary>Orders in range that have left this status at least once.</summary>
    public required int Orders { get; init; }

    /// <summary>Their average total minutes in this status; null when no order has left it.</summary>
    public double? AverageMinutes { get; init; }
}

/// <summary>How many delivery attempts failed for one reason.</summary>
public sealed record FailureReasonCount
{
    public required DeliveryFailureReason Reason { get; init; }
    public required int Attempts { get; init; }
}

/// <summary>One merchant's share of the orders in range.</summary>
public sealed record MerchantRanking
{
    public required Guid MerchantId { get; init; }

    /// <summary>The merchant's display name (empty if the account no longer exists).</summary>
    public required string Name { get; init; }

    public required int Orders { get; init; }

    /// <summary>Of those, how many are delivered.</summary>
    public required int DeliveredOrders { get; init; }
}
