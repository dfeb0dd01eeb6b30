namespace OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;

/// <summary>
/// Which orders a summary covers: those created in [<paramref name="From"/>, <paramref name="To"/>) (both UTC),
/// of one merchant (<paramref name="MerchantId"/>), of those assigned to one delivery partner
/// (<paramref name="PartnerId"/>) or, when both are null, of everyone (then with top merchants);
/// calendar days are counted in the IANA zone <paramref name="TimeZone"/>.
/// </summary>
public sealed record AnalyticsScope(DateTimeOffset From, DateTimeOffset To, string TimeZone, Guid? MerchantId, Guid? PartnerId = null);
