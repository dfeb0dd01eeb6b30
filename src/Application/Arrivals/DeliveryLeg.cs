namespace OrderTracking.Application.Arrivals;

/// <summary>The two stretches of a delivery whose durations the arrival estimate learns, each from a merchant's own history.</summary>
public enum DeliveryLeg
{
    /// <summary>Ready for pickup until out for delivery (collected, then on its way): how long the parcel waits for a courier.</summary>
    ToCourier = 1,

    /// <summary>Out for delivery until delivered: the ride to the door.</summary>
    ToDoor = 2,
}
