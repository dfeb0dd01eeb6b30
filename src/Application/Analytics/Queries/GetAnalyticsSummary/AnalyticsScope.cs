namespace OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;

/// <summary>
/// Which orders a summary covers: those created in [<paramref name="From"/>, <paramref name="To"/>) (both UTC),
/// of one merchant or, when <paramref name="MerchantId"/> is null, of everyone (then with top merchants);
/// calendar days are counted in the IANA zone <paramref name="TimeZone"/>.
/// </summary>
public sealed record AnalyticsScope(DateTimeOffset From, DateTimeOffset To, string TimeZone, Guid? MerchantId);
