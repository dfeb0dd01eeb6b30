using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>A merchant's profile: how it presents itself to its customers and where couriers collect its parcels.</summary>
public sealed record MerchantProfileDto
{
    /// <summary>The merchant's user id.</summary>
    public required Guid MerchantId { get; init; }

    /// <summary>Shown to the merchant's customers on the tracking page.</summary>
    public required string BusinessName { get; init; }

    /// <summary>Public contact phone, shown to the merchant's customers.</summary>
    public string? ContactPhone { get; init; }

    /// <summary>Public contact email, shown to the merchant's customers.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Oldest first; exactly one is the default while any exist.</summary>
    public required IReadOnlyList<PickupLocationDto> PickupLocations { get; init; }
}

/// <summary>A place where couriers collect the merchant's parcels.</summary>
public sealed record PickupLocationDto
{
    /// <summary>Send it as <c>pickupLocationId</c> when creating an order to collect from here.</summary>
    public required Guid Id { get; init; }

    /// <summary>A name the merchant recognises, such as "Main shop".</summary>
    public required string Label { get; init; }

    /// <summary>The address to collect from.</summary>
    public required DeliveryAddressDto Address { get; init; }

    /// <summary>Opening hours, "ring at the back door", and so on.</summary>
    public string? Instructions { get; init; }

    /// <summary>New orders are collected from the default location unless they name another.</summary>
    public required bool IsDefault { get; init; }

    /// <summary>OpenStreetMap search link for the address.</summary>
    public required string MapUrl { get; init; }
}

public static class MerchantProfileMapping
{
    public static MerchantProfileDto ToDto(this MerchantProfile profile) => new()
    {
        MerchantId = profile.MerchantId,
        BusinessName = profile.BusinessName,
        ContactPhone = profile.ContactPhone,
        ContactEmail = profile.ContactEmail,
        PickupLocations = profile.Locations.Select(ToDto).ToList(),
    };

    public static PickupLocationDto ToDto(this PickupLocation location) => new()
    {
        Id = location.Id,
        Label = location.Label,
        Address = location.Address.ToDto(),
        Instructions = location.Instructions,
        IsDefault = location.IsDefault,
        MapUrl = MapLink.For(location.Address),
    };
}
