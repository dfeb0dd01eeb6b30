using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class TrackingPageSettingsRepository(AppDbContext db) : ITrackingPageSettingsRepository
{
    public Task<TrackingPageSettings?> FindAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.Set<TrackingPageSettings>().FirstOrDefaultAsync(s => s.MerchantId == merchantId, cancellationToken);

    public void Add(TrackingPageSettings settings) => db.Set<TrackingPageSettings>().Add(settings);
}
