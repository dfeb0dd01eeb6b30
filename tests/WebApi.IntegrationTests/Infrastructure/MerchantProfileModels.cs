namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public sealed record AddressResponse(string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record PickupLocationResponse(Guid Id, string Label, AddressResponse Address, string? Instructions, bool IsDefault, string MapUrl);

public sealed record MerchantProfileResponse(Guid MerchantId, string BusinessName, string? ContactPhone, string? ContactEmail, IReadOnlyList<PickupLocationResponse> PickupLocations);

public sealed record OrderPickupResponse(Guid LocationId, string Label, AddressResponse Address, string? Instructions, string MapUrl);

/// <summary>The parts of an order these tests read about where it is collected and delivered.</summary>
public sealed record OrderStopsResponse(Guid Id, string Status, OrderPickupResponse? Pickup, AddressResponse? DeliveryAddress, string? DeliveryMapUrl);

public sealed record KindedHistoryEntryResponse(string Kind, string? From, string To, string ActorType, string ActorName, string? Note);

public static class MerchantProfileRequests
{
    public static object Profile(string businessName = "Corner Bakery Ltd", string? phone = "+44 20 7946 0001", string? email = "hello@bakery.example") =>
        new { businessName, contactPhone = phone, contactEmail = email };

    public static object Location(string label, string line1, string? instructions = null, bool isDefault = false) => new
    {
        label,
        address = new { line1, line2 = (string?)null, city = "London", postalCode = "NW1 6XE", country = "United Kingdom" },
        instructions,
        isDefault,
    };
}
