using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>Where the order goes. A courier sees only <see cref="City"/>, <see cref="PostalCode"/> and <see cref="Country"/> until it claims the order.</summary>
public sealed record DeliveryAddress(string Line1, string? Line2, string City, string PostalCode, string Country)
{
    public const int MaxLineLength = 200;
    public const int MaxCityLength = 200;
    public const int MaxPostalCodeLength = 20;
    public const int MaxCountryLength = 100;

    public string Line1 { get; init; } = Text.Required(Line1, MaxLineLength, nameof(Line1));
    public string? Line2 { get; init; } = Text.Optional(Line2, MaxLineLength, nameof(Line2));
    public string City { get; init; } = Text.Required(City, MaxCityLength, nameof(City));
    public string PostalCode { get; init; } = Text.Required(PostalCode, MaxPostalCodeLength, nameof(PostalCode));
    public string Country { get; init; } = Text.Required(Country, MaxCountryLength, nameof(Country));

    /// <summary>Where the address is on a map, when whoever entered it knew (never looked up by the server).</summary>
    public double? Latitude { get; private init; }

    /// <inheritdoc cref="Latitude"/>
    public double? Longitude { get; private init; }

    /// <summary><see cref="Latitude"/> and <see cref="Longitude"/> together, when both are known.</summary>
    public GeoPoint? Location => Latitude is { } latitude && Longitude is { } longitude ? new GeoPoint(latitude, longitude) : null;

    public const string LocationNeedsBoth = "Give both the latitude and the longitude of the address, or neither.";

    /// <summary>This address placed on the map at the given point; both or neither, within range.</summary>
    public DeliveryAddress At(double? latitude, double? longitude)
    {
        if (latitude.HasValue != longitude.HasValue)
        {
            throw new DomainValidationException(nameof(Latitude), LocationNeedsBoth);
        }

        var point = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return this with { Latitude = point?.Latitude, Longitude = point?.Longitude };
    }
}
