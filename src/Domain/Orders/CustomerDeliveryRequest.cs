using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>
/// What the customer asked for after a failed delivery attempt, from the tracking page: instructions for the courier
/// (where to leave it, which bell to ring), another day, or both. The latest request replaces the one before.
/// </summary>
public sealed record CustomerDeliveryRequest
{
    public const int MaxInstructionsLength = 500;

    public CustomerDeliveryRequest(string? instructions, DateOnly? preferredDate, DateTimeOffset requestedAt)
    {
        var text = string.IsNullOrWhiteSpace(instructions) ? null : Text.Optional(instructions.Trim(), MaxInstructionsLength, nameof(Instructions));
        if (text is null && preferredDate is null)
        {
            throw new DomainValidationException(nameof(Instructions), "Write instructions for the courier, choose another day, or both.");
        }

        Instructions = text;
        PreferredDate = preferredDate;
        RequestedAt = requestedAt;
    }

    /// <summary>For the courier: where to leave the parcel, which bell to ring.</summary>
    public string? Instructions { get; private init; }

    /// <summary>The day the customer would like the next attempt on, one of the merchant's redelivery days.</summary>
    public DateOnly? PreferredDate { get; private init; }

    public DateTimeOffset RequestedAt { get; private init; }
}
