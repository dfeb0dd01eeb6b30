using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>The person the order is for. Personal data: never shown on public tracking, nor to a courier before it claims the order.</summary>
public sealed record Customer(string Name, string Phone, string? Email)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 32;
    public const int MaxEmailLength = 254;

    public string Name { get; init; } = Text.Required(Name, MaxNameLength, nameof(Name));
    public string Phone { get; init; } = Text.Required(Phone, MaxPhoneLength, nameof(Phone));
    public string? Email { get; init; } = Text.Optional(Email, MaxEmailLength, nameof(Email));
}
