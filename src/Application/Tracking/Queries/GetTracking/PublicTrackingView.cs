using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Tracking.Queries.GetTracking;

/// <summary>
/// What the public may see of an order: the fields of <see cref="TrackingDto"/> (nothing personal) and, of its
/// timeline, the entries of the kind <see cref="ShownKind"/>. The tracking page's reader reads the view with these rules in
/// one statement.
/// </summary>
public static class PublicTrackingView
{
    /// <summary>Status changes only: assignments and claims name couriers.</summary>
    public const OrderHistoryKind ShownKind = OrderHistoryKind.StatusChange;

    /// <summary>
    /// The reason of a failed delivery attempt, in the fixed list the customer page words for people; null on every
    /// other entry. The courier's free-text note is never part of the public view.
    /// </summary>
    public static DeliveryFailureReason? FailureReasonOf(OrderStatus to, string? reason) =>
        to == OrderStatus.DeliveryFailed && Enum.TryParse<DeliveryFailureReason>(reason, ignoreCase: false, out var parsed)
            ? parsed
            : null;

    /// <summary>
    /// How the public page names the person who took the parcel: the first name's initial and the last name
    /// ("Jane Smith" → "J. Smith"), enough for the customer to recognise a neighbour without publishing a full name.
    /// </summary>
    public static string? RecipientName(string? fullName)
    {
        var words = (fullName ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => null,
            1 => words[0],
            _ => $"{char.ToUpperInvariant(words[0][0])}. {words[^1]}",
        };
    }
}
