namespace OrderTracking.Application.Arrivals;

/// <summary>What an arrival window is based on.</summary>
public enum ArrivalBasis
{
    /// <summary>The merchant's own estimated delivery time, given when the order was created.</summary>
    Merchant = 1,

    /// <summary>How long this merchant's deliveries took, by area and hour of the week.</summary>
    History = 2,

    /// <summary>The courier's distance to the door at its recent speed.</summary>
    CourierPosition = 3,
}

/// <summary>
/// When the parcel should arrive: between <see cref="From"/> and <see cref="To"/>, never in the past. Absent on closed
/// orders and after a failed attempt. <see cref="IsLate"/>: the order is past what it was first expected at (the
/// merchant's estimate or the first window), and this window is the new one.
/// </summary>
public sealed record ArrivalWindowDto
{
    /// <summary>The earliest expected arrival; equal to <see cref="To"/> when only the merchant's estimate is known.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>The latest expected arrival. Both are null when the order is late and no new window can be given yet.</summary>
    public DateTimeOffset? To { get; init; }

    public required bool IsLate { get; init; }

    public required ArrivalBasis Basis { get; init; }
}
