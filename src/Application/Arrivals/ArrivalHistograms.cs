namespace OrderTracking.Application.Arrivals;

/// <summary>One stored group's counts for one leg of one merchant.</summary>
public sealed record ArrivalHistogramRow(DeliveryLeg Leg, ArrivalGroup Group, DurationHistogram Histogram);

/// <summary>The rows the estimate of one order may fall back through, by leg and group.</summary>
public sealed class ArrivalHistograms(IEnumerable<ArrivalHistogramRow> rows)
{
    private readonly Dictionary<(DeliveryLeg, ArrivalGroup), DurationHistogram> _rows = rows.ToDictionary(r => (r.Leg, r.Group), r => r.Histogram);

    public static ArrivalHistograms None { get; } = new([]);

    /// <summary>
    /// How many of the coarser estimate's durations a group of area × hour is worth: its own durations weigh
    /// n / (n + <see cref="PriorWeight"/>), the coarser estimate the rest. A group of 30 moved the estimate all the way
    /// to its own median under a hard threshold, and the median of 30 rides is noisier (about 6 % for a σ of 0.25) than
    /// the area's hundreds scaled by the hour's; a group that really differs still takes over as its count grows.
    /// </summary>
    public const double PriorWeight = 100;

    /// <summary>
    /// The leg's durations for an order in <paramref name="area"/> that began in <paramref name="hourOfWeek"/>. The
    /// coarser estimate comes first: the finest of area, hour and all with at least <paramref name="minimum"/>
    /// observations; when that is the area and the hour over all areas is known well enough, the area's durations are
    /// scaled by how much slower or quicker that hour is than the merchant's usual (its median over its all-hours
    /// median): the area effect and the hour effect together. The area × hour group's own durations are then blended
    /// in by their count (<see cref="PriorWeight"/>), not switched to at a threshold.
    /// </summary>
    public LegDistribution? Distribution(DeliveryLeg leg, string area, int hourOfWeek, int minimum)
    {
        if (Finest(leg, ArrivalGroup.FallbackChain(area, hourOfWeek).Skip(1), minimum) is not { } coarse)
        {
            // Every leg is counted in all its groups, so no coarser group with enough means none finer either.
            return null;
        }

        var prior = coarse.Group != new ArrivalGroup(area, ArrivalGroup.AnyHour)
            || !_rows.TryGetValue((leg, new ArrivalGroup(ArrivalGroup.AnyArea, hourOfWeek)), out var hour) || hour.Total < minimum
            || !_rows.TryGetValue((leg, new ArrivalGroup(ArrivalGroup.AnyArea, ArrivalGroup.AnyHour)), out var all)
            || hour.Quantile(0.5) is not { } hourMedian || all.Quantile(0.5) is not { } allMedian || allMedian <= TimeSpan.Zero
            ? new LegPart(coarse.Histogram, 1, 1)
            : new LegPart(coarse.Histogram, Math.Clamp(hourMedian / allMedian, 0.25, 4), 1);

        if (!_rows.TryGetValue((leg, new ArrivalGroup(area, hourOfWeek)), out var own) || own.Total == 0)
        {
            return new LegDistribution([prior]);
        }

        var weight = own.Total / (own.Total + PriorWeight);
        return new LegDistribution([new LegPart(own, 1, weight), prior with { Weight = 1 - weight }]);
    }

    /// <summary>The finest group of the fallback chain with at least <paramref name="minimum"/> observations, or null.</summary>
    public (ArrivalGroup Group, DurationHistogram Histogram)? Finest(DeliveryLeg leg, string area, int hourOfWeek, int minimum) =>
        Finest(leg, ArrivalGroup.FallbackChain(area, hourOfWeek), minimum);

    private (ArrivalGroup Group, DurationHistogram Histogram)? Finest(DeliveryLeg leg, IEnumerable<ArrivalGroup> chain, int minimum)
    {
        foreach (var group in chain)
        {
            if (_rows.TryGetValue((leg, group), out var histogram) && histogram.Total >= minimum)
            {
                return (group, histogram);
            }
        }

        return null;
    }
}

/// <summary>One group's durations in a <see cref="LegDistribution"/>: stretched by <see cref="Scale"/>, weighing <see cref="Weight"/>.</summary>
public sealed record LegPart(DurationHistogram Histogram, double Scale, double Weight);

/// <summary>
/// A leg's durations: the weighted average of its parts' quantiles (each part's histogram stretched by its scale), so a
/// thin group pulls every percentile of the coarser estimate towards its own by its weight.
/// </summary>
public sealed class LegDistribution(IReadOnlyList<LegPart> parts)
{
    public IReadOnlyList<LegPart> Parts { get; } = parts;

    /// <summary>
    /// <see cref="DurationHistogram.Quantile"/> of the blend: each part conditioned on <paramref name="elapsed"/>; parts
    /// with no duration that long drop out (the others' weights fill in); null when none has one.
    /// </summary>
    public TimeSpan? Quantile(double p, TimeSpan elapsed = default)
    {
        var sum = 0.0;
        var weights = 0.0;
        foreach (var part in Parts)
        {
            if (part.Weight > 0 && part.Histogram.Quantile(p, elapsed / part.Scale) is { } quantile)
            {
                sum += part.Weight * (quantile * part.Scale).TotalMinutes;
                weights += part.Weight;
            }
        }

        return weights > 0 ? TimeSpan.FromMinutes(sum / weights) : null;
    }
}
