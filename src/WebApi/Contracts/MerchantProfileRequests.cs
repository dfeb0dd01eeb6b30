using OrderTracking.Application.Orders.Common;

namespace OrderTracking.WebApi.Contracts;

/// <summary>How the merchant presents itself to its customers.</summary>
/// <param name="BusinessName">Shown on the tracking page as the sender.</param>
/// <param name="ContactPhone">Public phone for customers; give this, an email or both.</param>
/// <param name="ContactEmail">Public email for customers; give this, a phone or both.</param>
public sealed record SaveMerchantProfileRequest(string? BusinessName, string? ContactPhone, string? ContactEmail);

/// <summary>A place where couriers collect the merchant's parcels.</summary>
/// <param name="Label">A name the merchant recognises, such as "Main shop".</param>
/// <param name="Address">The address to collect from.</param>
/// <param name="Instructions">Opening hours, "ring at the back door", and so on.</param>
/// <param name="IsDefault">Make this the default for new orders (the first location always is).</param>
public sealed record PickupLocationRequest(string? Label, DeliveryAddressDto? Address, string? Instructions, bool IsDefault = false);
