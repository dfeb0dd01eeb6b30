namespace OrderTracking.Domain.Orders;

/// <summary>Why a delivery attempt failed. <see cref="Other"/> needs a note that explains it.</summary>
public enum DeliveryFailureReason
{
    RecipientUnavailable,
    AddressNotFound,
    RefusedByRecipient,
    Damaged,
    Other,
}
