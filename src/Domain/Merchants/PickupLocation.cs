using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.Merchants;

/// <summary>A place where couriers collect a merchant's parcels. Changed only through its <see cref="MerchantProfile"/>.</summary>
public sealed class PickupLocation
{
    public const int MaxLabelLength = 100;
    public const int MaxInstructionsLength = 500;

    private PickupLocation()
    {
        Label = string.Empty;
        Address = null!;
    }

    internal PickupLocation(Guid merchantId, string label, DeliveryAddress address, string? instructions, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7(now);
        MerchantId = merchantId;
        CreatedAt = now;
        Change(label, address, instructions);
    }

    public Guid Id { get; private set; }
    public Guid MerchantId { get; private set; }
    public string Label { get; private set; }
    public DeliveryAddress Address { get; private set; }
    public string? Instructions { get; private set; }
    public bool IsDefault { get; internal set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>What an order created now keeps of this location: a copy, down to its own address instance.</summary>
    /// <remarks>EF Core tracks an owned address by reference, so the order must not share the location's instance.</remarks>
    public OrderPickup ToOrderPickup() => new(Id, Label, Address with { }, Instructions);

    internal void Change(string label, DeliveryAddress address, string? instructions)
    {
        Label = Text.Required(label, MaxLabelLength, nameof(Label)).Trim();
        Address = address;
        Instructions = string.IsNullOrWhiteSpace(instructions) ? null : Text.Optional(instructions, MaxInstructionsLength, nameof(Instructions))!.Trim();
    }
}
