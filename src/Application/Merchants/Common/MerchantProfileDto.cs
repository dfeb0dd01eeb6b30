using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>A merchant's profile: how it presents itself to its customers and where couriers collect its parcels.</summary>
/// <param name="MerchantId">The merchant's user id.</param>
/// <param name="BusinessName">Shown to the merchant's customers on the tracking page.</param>
/// <param name="ContactPhone">Public contact phone, shown to the merchant's customers.</param>
/// <param name="ContactEmail">Public contact email, shown to the merchant's customers.</param>
/// <param name="PickupLocations">Oldest first; exactly one is the default while any exist.</param>
public sealed record MerchantProfileDto(
    Guid MerchantId,
    string BusinessName,
    string? ContactPhone,
    string? ContactEmail,
    IReadOnlyList<PickupLocationDto> PickupLocations);

/// <summary>A place where couriers collect the merchant's parcels.</summary>
/// <param name="Id">Send it as <c>pickupLocationId</c> when creating an order to collect from here.</param>
/// <param name="Label">A name the merchant recognises, such as "Main shop".</param>
/// <param name="Address">The address to collect from.</param>
/// <param name="Instructions">Opening hours, "ring at the back door", and so on.</param>
/// <param name="IsDefault">New orders are collected from the default location unless they name another.</param>
/// <param name="MapUrl">OpenStreetMap search link for the address.</param>
public sealed record PickupLocationDto(Guid Id, string Label, DeliveryAddressDto Address, string? Instructions, bool IsDefault, string MapUrl);

public static class MerchantProfileMapping
{
    public static MerchantProfileDto ToDto(this MerchantProfile profile) =>
        new(profile.MerchantId, profile.BusinessName, profile.ContactPhone, profile.ContactEmail, profile.Locations.Select(ToDto).ToList());

    public static PickupLocationDto ToDto(this PickupLocation location) =>
        new(location.Id, location.Label, location.Address.ToDto(), location.Instructions, location.IsDefault, MapLink.For(location.Address));
}
