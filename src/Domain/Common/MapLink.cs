using OrderTracking.Domain.Orders;

namespace OrderTracking.Domain.Common;

/// <summary>
/// A link that opens an address on OpenStreetMap's search. Only a link: the application never calls a map service,
/// so no address leaves it unless the user follows the link.
/// </summary>
public static class MapLink
{
    public const string SearchUrl = "https://www.openstreetmap.org/search?query=";

    /// <summary>The street, city, postal code and country; the second line (flat, floor) only confuses a geocoder.</summary>
    public static string For(DeliveryAddress address) =>
        SearchUrl + Uri.EscapeDataString(string.Join(", ", address.Line1, address.City, address.PostalCode, address.Country));
}
