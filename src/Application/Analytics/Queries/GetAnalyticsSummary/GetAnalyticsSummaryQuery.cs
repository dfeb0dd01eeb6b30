using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Analytics.Queries.GetAnalyticsSummary;

/// <summary>
/// The analytics summary over the orders the caller may see that were created in [<see cref="From"/>, <see cref="To"/>):
/// an admin every order, a merchant its own, a delivery partner those now assigned to it.
/// <see cref="To"/> defaults to now and <see cref="From"/> to 30 days before <see cref="To"/>; <see cref="TimeZone"/>
/// (IANA, default UTC) decides on which calendar day an order counts.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Partner)]
public sealed record GetAnalyticsSummaryQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? TimeZone = null) : IQuery<AnalyticsSummary>
{
    public const string DefaultTimeZone = "UTC";
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    /// <summary>Two years, leap day included: long enough for a year-on-year view, short enough to bound the per-day series.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(731);

    public static readonly DateTimeOffset Earliest = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The range this query covers when asked at <paramref name="now"/>, with the defaults filled in.</summary>
    public (DateTimeOffset From, DateTimeOffset To) RangeAt(DateTimeOffset now)
    {
        var to = (To ?? now).ToUniversalTime();
        return ((From ?? to - DefaultRange).ToUniversalTime(), to);
    }
}

public sealed partial class GetAnalyticsSummaryQueryValidator : AbstractValidator<GetAnalyticsSummaryQuery>
{
    private const int MaxTimeZoneLength = 64;

    public GetAnalyticsSummaryQueryValidator(TimeProvider timeProvider)
    {
        RuleFor(q => q.From).InclusiveBetween(GetAnalyticsSummaryQuery.Earliest, GetAnalyticsSummaryQuery.Latest).When(q => q.From is not null);
        RuleFor(q => q.To).InclusiveBetween(GetAnalyticsSummaryQuery.Earliest, GetAnalyticsSummaryQuery.Latest).When(q => q.To is not null);
        RuleFor(q => q.TimeZone).MaximumLength(MaxTimeZoneLength);
        RuleFor(q => q.TimeZone)
            .Must(IsIanaTimeZone!).When(q => q.TimeZone is not null)
            .WithMessage("'Time Zone' must be an IANA time zone such as Europe/Berlin or UTC.");

        When(q => InBounds(q.From) && InBounds(q.To), () =>
        {
            RuleFor(q => q.From)
                .Must((q, _) => q.RangeAt(timeProvider.GetUtcNow()) is var range && range.From < range.To)
                .WithMessage(q => q.To is null ? "'From' must be in the past when 'To' is left out." : "'From' must be before 'To'.");
            RuleFor(q => q.To)
                .Must((q, _) => q.RangeAt(timeProvider.GetUtcNow()) is var range && range.To - range.From <= GetAnalyticsSummaryQuery.MaxRange)
                .WithMessage($"The range from 'From' to 'To' is at most {GetAnalyticsSummaryQuery.MaxRange.TotalDays} days.");
        });
    }

    private static bool InBounds(DateTimeOffset? at) =>
        at is null || (at >= GetAnalyticsSummaryQuery.Earliest && at <= GetAnalyticsSummaryQuery.Latest);

    /// <summary>
    /// An IANA zone id this platform knows (the database reads the same tz database), spelled exactly. Windows ids,
    /// which .NET also resolves, are refused: they would mean nothing to PostgreSQL. The id must match the zone's own
    /// spelling because .NET finds a differently cased id once the zone is cached and not before.
    /// </summary>
    private static bool IsIanaTimeZone(string id) =>
        id.Length <= MaxTimeZoneLength
        && IanaIdShape().IsMatch(id)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex IanaIdShape();
}

public sealed class GetAnalyticsSummaryQueryHandler(ICurrentActor currentActor, IAnalyticsReader analytics, TimeProvider timeProvider)
    : IQueryHandler<GetAnalyticsSummaryQuery, AnalyticsSummary>
{
    public async ValueTask<AnalyticsSummary> Handle(GetAnalyticsSummaryQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var (from, to) = query.RangeAt(timeProvider.GetUtcNow());

        // The authorization behaviour lets only admins, merchants and partners through; a merchant sees its own orders
        // only, a partner those assigned to it.
        var zone = query.TimeZone ?? GetAnalyticsSummaryQuery.DefaultTimeZone;
        var scope = actor.Type switch
        {
            ActorType.Merchant => new AnalyticsScope(from, to, zone, MerchantId: actor.Id),
            ActorType.Partner => new AnalyticsScope(from, to, zone, MerchantId: null, PartnerId: actor.Id),
            _ => new AnalyticsScope(from, to, zone, MerchantId: null),
        };
        return await analytics.SummarizeAsync(scope, cancellationToken);
    }
}
