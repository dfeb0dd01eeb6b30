using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>What the merchant lets its customers see and do on the tracking page.</summary>
public sealed record TrackingPageSettingsDto
{
    /// <summary>Show unit prices and the total beside the item summary.</summary>
    public required bool ShowPrices { get; init; }

    /// <summary>The weekdays a customer may choose for another attempt after a failed one.</summary>
    public required IReadOnlyList<DayOfWeek> RedeliveryDays { get; init; }

    /// <summary>How many days ahead (from tomorrow) a customer may choose, 1 to 14.</summary>
    public required int RedeliveryHorizonDays { get; init; }

    public static TrackingPageSettingsDto From(TrackingPageSettings settings) => new()
    {
        ShowPrices = settings.ShowPrices,
        RedeliveryDays = Enum.GetValues<DayOfWeek>().Where(d => settings.RedeliveryDays.HasFlag(ToFlag(d))).ToList(),
        RedeliveryHorizonDays = settings.RedeliveryHorizonDays,
    };

    public static RedeliveryDays ToFlags(IEnumerable<DayOfWeek> days) => days.Aggregate(Domain.Merchants.RedeliveryDays.None, (all, d) => all | ToFlag(d));

    private static RedeliveryDays ToFlag(DayOfWeek day) => (RedeliveryDays)(1 << (((int)day + 6) % 7));
}
