using OrderTracking.Application.Orders.Commands.ChangeOrderStatus;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.Infrastructure;

namespace OrderTracking.WebApi.Contracts;

/// <summary>A status change.</summary>
/// <param name="Status">The status to move the order to; must be one of the order's <c>allowedTransitions</c>.</param>
/// <param name="Note">Free text shown in the timeline.</param>
/// <param name="Reason">Required to cancel (free text) and for <c>DeliveryFailed</c> (RecipientUnavailable, AddressNotFound, RefusedByRecipient, Damaged or Other; Other needs a note).</param>
/// <param name="RecipientName">Proof of delivery: who received the parcel.</param>
[ValidatedAs(typeof(ChangeOrderStatusCommand))]
public sealed record ChangeOrderStatusRequest(OrderStatus? Status, string? Note = null, string? Reason = null, string? RecipientName = null);
