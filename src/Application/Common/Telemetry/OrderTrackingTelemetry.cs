using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application.Common.Telemetry;

/// <summary>
/// The product's own traces and metrics, under one name (<see cref="Name"/>) that the WebApi's OpenTelemetry set-up
/// listens to. The instruments cost next to nothing while nobody listens (no exporter configured), so the hot path
/// records unconditionally. Every instrument of the product belongs to <see cref="Meter"/>: add new ones here or
/// with <c>OrderTrackingTelemetry.Meter.CreateCounter</c>, never on a Meter of another name.
/// </summary>
public static class OrderTrackingTelemetry
{
    /// <summary>The name of the product's ActivitySource and Meter.</summary>
    public const string Name = "OrderTracking";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    private static readonly Counter<long> OrdersCreated =
        Meter.CreateCounter<long>("ordertracking.orders.created", description: "Orders created.");

    private static readonly Counter<long> StatusChanges =
        Meter.CreateCounter<long>("ordertracking.orders.status_changes", description: "Order status changes, by from and to status.");

    private static readonly Counter<long> IdempotentReplays =
        Meter.CreateCounter<long>("ordertracking.idempotency.replays", description: "Requests answered by replaying the first answer of their Idempotency-Key.");

    private static readonly Counter<long> RateLimitRefusals =
        Meter.CreateCounter<long>("ordertracking.rate_limit.refusals", description: "Requests refused with 429, by rate-limit policy.");

    /// <summary>
    /// Counts what the events of one transaction say happened. The unit of work calls it once that transaction has
    /// committed, so a write rolled back (an idempotent request's transaction that failed at its commit) is never
    /// counted, and every path that creates an order or moves its status is counted the same way.
    /// </summary>
    public static void Committed(IEnumerable<IDomainEvent> events)
    {
        foreach (var domainEvent in events)
        {
            switch (domainEvent)
            {
                case OrderCreated:
                    OrdersCreated.Add(1);
                    break;
                case OrderStatusChanged changed:
                    StatusChanges.Add(1, new KeyValuePair<string, object?>("from", StatusName(changed.From)), new KeyValuePair<string, object?>("to", StatusName(changed.To)));
                    break;
            }
        }
    }

    public static void IdempotentReplay() => IdempotentReplays.Add(1);

    public static void RateLimitRefused(string policy) => RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("policy", policy));

    /// <summary>The enum's names, made once: a status change should not format an enum per measurement.</summary>
    private static readonly Dictionary<OrderStatus, string> StatusNames = Enum.GetValues<OrderStatus>().ToDictionary(s => s, s => s.ToString());

    private static string StatusName(OrderStatus status) => StatusNames[status];
}
