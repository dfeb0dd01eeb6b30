namespace OrderTracking.Infrastructure.Analytics;

/// <summary>The <c>Analytics</c> configuration section.</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>
    /// How often each instance folds the recorded order changes into the analytics roll-ups. The summary is exact
    /// either way (it reads the changes not folded yet); folding keeps them few, so the summary stays fast.
    /// </summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromSeconds(2);
}
