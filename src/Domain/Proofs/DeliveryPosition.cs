using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Proofs;

/// <summary>Where the courier's device was at the door (WGS 84), and how sure it was, in metres.</summary>
public sealed record DeliveryPosition
{
    public const double MaxAccuracyMeters = 100_000;

    public DeliveryPosition(double latitude, double longitude, double? accuracyMeters)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new DomainValidationException(nameof(Latitude), "The latitude is between -90 and 90 degrees.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new DomainValidationException(nameof(Longitude), "The longitude is between -180 and 180 degrees.");
        }

        if (accuracyMeters is { } accuracy && (!double.IsFinite(accuracy) || accuracy is < 0 or > MaxAccuracyMeters))
        {
            throw new DomainValidationException("Accuracy", $"The accuracy is between 0 and {MaxAccuracyMeters} metres.");
        }

        Latitude = latitude;
        Longitude = longitude;
        AccuracyMeters = accuracyMeters;
    }

    public double Latitude { get; private init; }
    public double Longitude { get; private init; }
    public double? AccuracyMeters { get; private init; }
}
