using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// One step of an order's timeline. Entries are only ever appended: nothing in the model can change
/// or remove one. <see cref="Kind"/> tells status changes from assignments and claims; <see cref="From"/> is null
/// for the entry that records the order's creation, and equals <see cref="To"/> for assignments and claims, which
/// change who delivers, not the status.
/// </summary>
public sealed class OrderHistoryEntry
{
    private OrderHistoryEntry()
    {
        ActorName = string.Empty;
    }

    internal OrderHistoryEntry(Guid orderId, uint version, OrderHistoryKind kind, OrderStatus? from, OrderStatus to, DateTimeOffset at, Actor actor, string? note, string? reason, DateTimeOffset? occurredAt = null)
    {
        OccurredAt = occurredAt;
        Id = Guid.CreateVersion7(at);
        OrderId = orderId;
        Version = version;
        Kind = kind;
        From = from;
        To = to;
        At = at;
        ActorType = actor.Type;
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        Note = note;
        Reason = reason;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>
    /// The order's version this step made (<see cref="Order.Version"/>): 1 for the creation, then one more per step.
    /// Unique per order, so the timeline is one unbroken chain and a change made from a version that has moved on
    /// cannot be recorded.
    /// </summary>
    public uint Version { get; private set; }
    public OrderHistoryKind Kind { get; private set; }
    public OrderStatus? From { get; private set; }
    public OrderStatus To { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorType ActorType { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; }
    public string? Note { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>
    /// When the actor did it by its own device's clock, if that differs from <see cref="At"/>: a change made offline
    /// is received (<see cref="At"/>) when the signal returns. Shown beside <see cref="At"/>, never used for ordering.
    /// </summary>
    public DateTimeOffset? OccurredAt { get; private set; }
}
