using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Retention;

/// <summary>
/// Behind the forgetting at each status change: any courier position whose courier has no order out for delivery goes,
/// and the record of which status events the arrival statistics have counted goes after 30 days (far past the outbox's
/// retries, so no event can come back to be counted twice).
/// </summary>
public sealed class CourierPositionRetention(ICourierPositions positions, AppDbContext db, TimeProvider timeProvider) : IRetentionRule
{
    public static readonly TimeSpan CountedEventsKeptFor = TimeSpan.FromDays(30);

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var before = timeProvider.GetUtcNow() - CountedEventsKeptFor;
        var forgotten = await positions.ForgetAllNotOutForDeliveryAsync(cancellationToken);
        return forgotten + await db.Database.ExecuteSqlAsync($"DELETE FROM arrival_events_counted WHERE counted_at < {before}", cancellationToken);
    }
}
