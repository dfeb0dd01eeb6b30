using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Merchants;

/// <summary>
/// What a merchant lets its customers see and do on the tracking page: item prices beside the item summary, and the
/// days a customer may choose for another attempt after a failed one. A merchant without settings gets
/// <see cref="Default"/>: no prices, weekdays, up to a week ahead.
/// </summary>
public sealed class TrackingPageSettings
{
    public const int MaxRedeliveryHorizonDays = 14;

    private TrackingPageSettings()
    {
    }

    public Guid MerchantId { get; private set; }

    /// <summary>Show unit prices and the total beside the item summary (off by default: a gift's price is nobody's business).</summary>
    public bool ShowPrices { get; private set; }

    public RedeliveryDays RedeliveryDays { get; private set; }

    /// <summary>How many days ahead (from tomorrow on) a customer may choose.</summary>
    public int RedeliveryHorizonDays { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TrackingPageSettings Default(Guid merchantId) => new()
    {
        MerchantId = merchantId,
        ShowPrices = false,
        RedeliveryDays = RedeliveryDays.Weekdays,
        RedeliveryHorizonDays = 7,
    };

    public void Change(bool showPrices, RedeliveryDays days, int horizonDays, DateTimeOffset now)
    {
        if ((days & ~(RedeliveryDays)127) != 0)
        {
            throw new DomainValidationException(nameof(RedeliveryDays), "Choose redelivery days from Monday to Sunday.");
        }

        if (horizonDays is < 1 or > MaxRedeliveryHorizonDays)
        {
            throw new DomainValidationException(nameof(RedeliveryHorizonDays), $"Let customers choose from 1 to {MaxRedeliveryHorizonDays} days ahead.");
        }

        ShowPrices = showPrices;
        RedeliveryDays = days;
        RedeliveryHorizonDays = horizonDays;
        UpdatedAt = now;
    }

    /// <summary>The days a customer may choose today (<paramref name="today"/>, in UTC): from tomorrow, within the horizon, on the allowed weekdays.</summary>
    public IReadOnlyList<DateOnly> AllowedDates(DateOnly today) =>
        Enumerable.Range(1, RedeliveryHorizonDays).Select(today.AddDays).Where(d => Allows(d.DayOfWeek)).ToList();

    private bool Allows(DayOfWeek day) => (RedeliveryDays & (RedeliveryDays)(1 << (((int)day + 6) % 7))) != 0;
}
