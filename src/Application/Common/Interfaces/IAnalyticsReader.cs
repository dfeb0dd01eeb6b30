using OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Aggregates over many orders, computed by the database: nothing here loads orders one by one.</summary>
public interface IAnalyticsReader
{
    Task<AnalyticsSummary> SummarizeAsync(AnalyticsScope scope, CancellationToken cancellationToken);
}
