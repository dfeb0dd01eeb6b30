namespace OrderTracking.Application.Arrivals;

/// <summary>One stored group's counts for one leg of one merchant.</summary>
public sealed record ArrivalHistogramRow(DeliveryLeg Leg, ArrivalGroup Group, DurationHistogram Histogram);

/// <summary>The rows the estimate of one order may fall back through, by leg and group.</summary>
public sealed class ArrivalHistograms(IEnumerable<ArrivalHistogramRow> rows)
{
    private readonly Dictionary<(DeliveryLeg, ArrivalGroup), DurationHistogram> _rows = rows.ToDictionary(r => (r.Leg, r.Group), r => r.Histogram);

    public static ArrivalHistograms None { get; } = new([]);

    /// <summary>
    /// The leg's durations for an order in <paramref name="area"/> that began in <paramref name="hourOfWeek"/>: the finest
    /// group with at least <paramref name="minimum"/> observations. When that is the area over all hours, and the hour
    /// over all areas is known well enough, the area's durations are scaled by how much slower or quicker that hour is
    /// than the merchant's usual (its median over its all-hours median): the area effect and the hour effect together.
    /// </summary>
    public LegDistribution? Distribution(DeliveryLeg leg, string area, int hourOfWeek, int minimum)
    {
        if (Finest(leg, area, hourOfWeek, minimum) is not { } finest)
        {
            return null;
        }

        if (finest.Group != new ArrivalGroup(area, ArrivalGroup.AnyHour)
            || !_rows.TryGetValue((leg, new ArrivalGroup(ArrivalGroup.AnyArea, hourOfWeek)), out var hour) || hour.Total < minimum
            || !_rows.TryGetValue((leg, new ArrivalGroup(ArrivalGroup.AnyArea, ArrivalGroup.AnyHour)), out var all)
            || hour.Quantile(0.5) is not { } hourMedian || all.Quantile(0.5) is not { } allMedian || allMedian <= TimeSpan.Zero)
        {
            return new LegDistribution(finest.Histogram, 1);
        }

        return new LegDistribution(finest.Histogram, Math.Clamp(hourMedian / allMedian, 0.25, 4));
    }

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

/// <summary>A leg's durations: a histogram, stretched by <see cref="Scale"/> (1 for the group's own durations).</summary>
public sealed record LegDistribution(DurationHistogram Histogram, double Scale)
{
    /// <inheritdoc cref="DurationHistogram.Quantile"/>
    public TimeSpan? Quantile(double p, TimeSpan elapsed = default) =>
        Histogram.Quantile(p, elapsed / Scale) is { } quantile ? quantile * Scale : null;
}
