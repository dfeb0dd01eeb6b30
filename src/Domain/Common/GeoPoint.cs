namespace OrderTracking.Domain.Common;

/// <summary>A place on the earth in WGS 84 degrees, as a phone's Geolocation or a map gives it.</summary>
public readonly record struct GeoPoint
{
    public const double MaxLatitude = 90;
    public const double MaxLongitude = 180;
    public const string OutOfRange = "A latitude lies between -90 and 90 degrees and a longitude between -180 and 180.";

    private const double EarthRadiusMeters = 6_371_008.8;

    public GeoPoint(double latitude, double longitude)
    {
        if (!IsValid(latitude, longitude))
        {
            throw new DomainValidationException(nameof(Latitude), OutOfRange);
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }
    public double Longitude { get; }

    public static bool IsValid(double latitude, double longitude) =>
        double.IsFinite(latitude) && double.IsFinite(longitude) && Math.Abs(latitude) <= MaxLatitude && Math.Abs(longitude) <= MaxLongitude;

    /// <summary>The great-circle (haversine) distance: as the crow flies, which a courier on streets never quite manages.</summary>
    public double MetersTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// The point rounded to three decimals (about 110 m north–south): near enough to show where a parcel is heading,
    /// not the door it is heading to, for pages that anyone holding a tracking code may open.
    /// </summary>
    public GeoPoint Approximate() => new(Math.Round(Latitude, 3), Math.Round(Longitude, 3));
}
