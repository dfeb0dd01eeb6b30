using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class MerchantProfileRepository(AppDbContext db) : IMerchantProfileRepository
{
    public Task<MerchantProfile?> FindAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.MerchantProfiles
            .Include(p => p.Locations.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id))
            .FirstOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);

    public void Add(MerchantProfile profile) => db.MerchantProfiles.Add(profile);
}
