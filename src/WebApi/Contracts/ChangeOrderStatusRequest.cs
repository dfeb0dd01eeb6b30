using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.Contracts;

/// <summary>A status change.</summary>
/// <param name="Status">The status to move the order to; must be one of the order's <c>allowedTransitions</c>.</param>
/// <param name="Note">Free text shown in the timeline.</param>
/// <param name="Reason">Required to cancel (free text) and for <c>DeliveryFailed</c> (RecipientUnavailable, AddressNotFound, RefusedByRecipient, Damaged or Other; Other needs a note).</param>
/// <param name="RecipientName">Proof of delivery: who received the parcel.</param>
/// <param name="OccurredAt">When the change was made on the device, if earlier than it is sent (made offline); at most 5 minutes ahead of the server's clock, at most 7 days old. Shown beside the time the server received it.</param>
public sealed record ChangeOrderStatusRequest(OrderStatus? Status, string? Note = null, string? Reason = null, string? RecipientName = null, DateTimeOffset? OccurredAt = null);
