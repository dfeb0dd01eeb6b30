using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Common;

/// <summary>
/// One step of an order's timeline. <c>kind</c> says what happened: a status change, an assignment or a claim.
/// <c>from</c> is null for the creation entry; equal to <c>to</c> for an assignment or a claim. <c>at</c> is when the
/// server recorded it; <c>occurredAt</c>, when set, is when it happened on the actor's device (a change made offline
/// reaches the server later).
/// </summary>
public sealed record OrderHistoryEntryDto(
    OrderHistoryKind Kind,
    OrderStatus? From,
    OrderStatus To,
    DateTimeOffset At,
    ActorType ActorType,
    Guid ActorId,
    string ActorName,
    string? Note,
    string? Reason,
    DateTimeOffset? OccurredAt = null);
