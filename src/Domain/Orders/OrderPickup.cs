namespace OrderTracking.Domain.Orders;

/// <summary>
/// Where the courier collects the order: a copy of the merchant's pickup location as it was when the order was
/// created, so editing or removing the location later never rewrites the order.
/// </summary>
public sealed record OrderPickup
{
    public OrderPickup(Guid locationId, string label, DeliveryAddress address, string? instructions)
    {
        LocationId = locationId;
        Label = label;
        Address = address;
        Instructions = instructions;
    }

    // For EF Core, which cannot pass an owned navigation (the address) to a constructor.
    private OrderPickup()
    {
        Label = string.Empty;
        Address = null!;
    }

    /// <summary>The pickup location the copy was taken from.</summary>
    public Guid LocationId { get; private init; }

    /// <summary>The location's name, such as "Main shop".</summary>
    public string Label { get; private init; }

    /// <summary>The address to collect from (same shape as a delivery address).</summary>
    public DeliveryAddress Address { get; private init; }

    /// <summary>Opening hours, "ring at the back door", and so on.</summary>
    public string? Instructions { get; private init; }
}
