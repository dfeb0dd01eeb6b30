namespace OrderTracking.Application.Arrivals;

/// <summary>One stored group's counts for one leg of one merchant.</summary>
public sealed record ArrivalHistogramRow(DeliveryLeg Leg, ArrivalGroup Group, DurationHistogram Histogram);

/// <summary>The rows the estimate of one order may fall back through, by leg and group.</summary>
public sealed class ArrivalHistograms(IEnumerable<ArrivalHistogramRow> rows)
{
    private readonly Dictionary<(DeliveryLeg, ArrivalGroup), DurationHistogram> _rows = rows.ToDictionary(r => (r.Leg, r.Group), r => r.Histogram);

    public static ArrivalHistograms None { get; } = new([]);

    /// <summary>The finest group of the fallback chain with at least <paramref name="minimum"/> observations, or null.</summary>
    public (ArrivalGroup Group, DurationHistogram Histogram)? Finest(DeliveryLeg leg, string area, int hourOfWeek, int minimum)
    {
        foreach (var group in ArrivalGroup.FallbackChain(area, hourOfWeek))
        {
            if (_rows.TryGetValue((leg, group), out var histogram) && histogram.Total >= minimum)
            {
                return (group, histogram);
            }
        }

        return null;
    }
}
