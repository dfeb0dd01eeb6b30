using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Tracking.Queries.GetTracking;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

/// <summary>One query: the merchant's name and the order's status steps, as the public tracking view shows them.</summary>
public sealed class TrackingTimelineReader(AppDbContext db) : ITrackingTimelineReader
{
    public async Task<TrackingTimeline?> ReadAsync(Guid orderId, DateTimeOffset upTo, CancellationToken cancellationToken)
    {
        var upToUtc = upTo.ToUniversalTime();
        var found = await db.Orders.AsNoTracking()
            .Where(o => o.Id == orderId)
            .Select(o => new
            {
                MerchantName = db.Users.Where(u => u.Id == o.MerchantId).Select(u => u.DisplayName).FirstOrDefault(),
                Timeline = o.History.AsQueryable()
                    .Where(PublicTrackingView.ShowsEntry)
                    .Where(h => h.At <= upToUtc)
                    .OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Select(h => new TrackingEventDto(h.To, h.At))
                    .ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new TrackingTimeline(found.MerchantName ?? string.Empty, found.Timeline);
    }
}
