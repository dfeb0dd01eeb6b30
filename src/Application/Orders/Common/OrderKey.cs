namespace OrderTracking.Application.Orders.Common;

/// <summary>How a request names an order: users by id, delivery partners by tracking code.</summary>
public sealed record OrderKey
{
    private OrderKey(Guid? id, string? trackingCode)
    {
        Id = id;
        TrackingCode = trackingCode;
    }

    public Guid? Id { get; }
    public string? TrackingCode { get; }

    public static OrderKey ById(Guid id) => new(id, null);

    public static OrderKey ByTrackingCode(string trackingCode) => new(null, trackingCode.Trim().ToUpperInvariant());

    public override string ToString() => Id?.ToString() ?? TrackingCode ?? string.Empty;
}
