using OrderTracking.Domain.Users;

namespace OrderTracking.DemoData;

/// <summary>The demo accounts of docs/product.md §6. Seeded in Development only, never in Production.</summary>
public static class DemoAccounts
{
    public sealed record Account(string Email, string Password, string DisplayName, UserRole Role);

    public static IReadOnlyList<Account> All { get; } =
    [
        new("admin@example.com", "Admin123!", "Ada Admin", UserRole.Admin),
        new("merchant@example.com", "Merchant123!", "Corner Bakery", UserRole.Merchant),
        new("merchant2@example.com", "Merchant123!", "Green Grocer", UserRole.Merchant),
        new("courier@example.com", "Courier123!", "Carl Courier", UserRole.Delivery),
        new("courier2@example.com", "Courier123!", "Cora Courier", UserRole.Delivery),
    ];

    public const string PartnerName = "Demo Partner";
}
