namespace OrderTracking.Domain.Orders;

/// <summary>
/// How long an order has spent in each status it has left. A stay runs from the history entry that entered the
/// status to the next entry that changed the status (assignments and claims do not end a stay); stays in the
/// same status add up, as when a failed delivery goes out again. A status the order has not left (yet) is null.
/// The order keeps this beside its history so that analytics can average it over many orders without
/// replaying every timeline.
/// </summary>
public sealed record TimeInStatus
{
    public static TimeInStatus None { get; } = new();

    public TimeSpan? Pending { get; init; }
    public TimeSpan? Confirmed { get; init; }
    public TimeSpan? Preparing { get; init; }
    public TimeSpan? ReadyForPickup { get; init; }
    public TimeSpan? PickedUp { get; init; }
    public TimeSpan? InTransit { get; init; }
    public TimeSpan? DeliveryFailed { get; init; }

    /// <summary>The total time spent in <paramref name="status"/>, or null when the order has not left it.</summary>
    public TimeSpan? Of(OrderStatus status) => status switch
    {
        OrderStatus.Pending => Pending,
        OrderStatus.Confirmed => Confirmed,
        OrderStatus.Preparing => Preparing,
        OrderStatus.ReadyForPickup => ReadyForPickup,
        OrderStatus.PickedUp => PickedUp,
        OrderStatus.InTransit => InTransit,
        OrderStatus.DeliveryFailed => DeliveryFailed,
        _ => null,
    };

    /// <summary>This record after the order left <paramref name="status"/> having spent <paramref name="stay"/> in it.</summary>
    public TimeInStatus After(OrderStatus status, TimeSpan stay) => status switch
    {
        OrderStatus.Pending => this with { Pending = Pending.GetValueOrDefault() + stay },
        OrderStatus.Confirmed => this with { Confirmed = Confirmed.GetValueOrDefault() + stay },
        OrderStatus.Preparing => this with { Preparing = Preparing.GetValueOrDefault() + stay },
        OrderStatus.ReadyForPickup => this with { ReadyForPickup = ReadyForPickup.GetValueOrDefault() + stay },
        OrderStatus.PickedUp => this with { PickedUp = PickedUp.GetValueOrDefault() + stay },
        OrderStatus.InTransit => this with { InTransit = InTransit.GetValueOrDefault() + stay },
        OrderStatus.DeliveryFailed => this with { DeliveryFailed = DeliveryFailed.GetValueOrDefault() + stay },
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A terminal status is never left."),
    };
}
