namespace OrderTracking.Application.Arrivals;

/// <summary>
/// How many observed durations fell in each bin: 1-minute bins for the first hour, wider ones after, and a last bin for
/// everything from three days on. Plain counts, so the database adds to them one observation at a time and a rebuild
/// counts them again from the history; quantiles interpolate within a bin.
/// </summary>
public sealed class DurationHistogram
{
    /// <summary>The lower edge of each bin in minutes; bin i holds [Edges[i], Edges[i + 1]), the last one everything from its edge on.</summary>
    public static IReadOnlyList<double> Edges { get; } = BuildEdges();

    public static int BinCount => Edges.Count;

    private readonly long[] _counts;

    public DurationHistogram()
        : this(new long[BinCount])
    {
    }

    private DurationHistogram(long[] counts)
    {
        _counts = counts;
        Total = counts.Sum();
    }

    public long Total { get; private set; }

    public IReadOnlyList<long> Counts => _counts;

    /// <summary>The histogram of stored counts (shorter arrays are padded with zeros, longer ones refused).</summary>
    public static DurationHistogram From(IReadOnlyList<long> counts)
    {
        if (counts.Count > BinCount)
        {
            throw new ArgumentException($"A duration histogram has {BinCount} bins, not {counts.Count}.", nameof(counts));
        }

        var copy = new long[BinCount];
        for (var i = 0; i < counts.Count; i++)
        {
            copy[i] = counts[i];
        }

        return new DurationHistogram(copy);
    }

    /// <summary>The bin of a duration (0-based); negative durations count as zero.</summary>
    public static int BinOf(double minutes)
    {
        if (!(minutes > 0))
        {
            return 0;
        }

        var index = 0;
        var high = BinCount - 1;
        while (index < high)
        {
            var mid = (index + high + 1) / 2;
            if (Edges[mid] <= minutes)
            {
                index = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return index;
    }

    public void Add(TimeSpan duration)
    {
        _counts[BinOf(duration.TotalMinutes)]++;
        Total++;
    }

    /// <summary>
    /// The duration below which a share <paramref name="p"/> of those durations lie that are longer than
    /// <paramref name="elapsed"/> already, measured from the start (so never less than <paramref name="elapsed"/>);
    /// null when no observed duration is that long.
    /// </summary>
    public TimeSpan? Quantile(double p, TimeSpan elapsed = default)
    {
        var e = Math.Max(0, elapsed.TotalMinutes);
        var start = BinOf(e);

        // The mass beyond `elapsed`: the part of its own bin above it (spread evenly over the bin) and every bin after.
        double Above(int bin) => bin == start ? _counts[bin] * (1 - Fraction(bin, e)) : _counts[bin];
        var remaining = 0.0;
        for (var i = start; i < BinCount; i++)
        {
            remaining += Above(i);
        }

        if (remaining <= 0)
        {
            return null;
        }

        var target = Math.Clamp(p, 0, 1) * remaining;
        for (var i = start; i < BinCount; i++)
        {
            var mass = Above(i);
            if (mass >= target && mass > 0)
            {
                var low = i == start ? e : Edges[i];
                var high = i + 1 < BinCount ? Edges[i + 1] : Edges[i];
                return TimeSpan.FromMinutes(low + (high - low) * (target / mass));
            }

            target -= mass;
        }

        return TimeSpan.FromMinutes(Math.Max(e, Edges[^1]));
    }

    /// <summary>How far into bin <paramref name="bin"/> a duration of <paramref name="minutes"/> lies, 0 to 1.</summary>
    private static double Fraction(int bin, double minutes)
    {
        if (bin + 1 >= BinCount)
        {
            return 0;
        }

        return Math.Clamp((minutes - Edges[bin]) / (Edges[bin + 1] - Edges[bin]), 0, 1);
    }

    private static List<double> BuildEdges()
    {
        var edges = new List<double>();
        void Span(double from, double to, double step)
        {
            for (var m = from; m < to; m += step)
            {
                edges.Add(m);
            }
        }

        Span(0, 60, 1);
        Span(60, 120, 2);
        Span(120, 240, 5);
        Span(240, 480, 10);
        Span(480, 1440, 30);
        Span(1440, 4320, 120);
        edges.Add(4320);
        return edges;
    }
}
