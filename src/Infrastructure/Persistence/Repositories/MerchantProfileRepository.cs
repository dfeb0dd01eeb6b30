using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class MerchantProfileRepository(AppDbContext db) : IMerchantProfileRepository
{
    // One statement: one profile (by its key) and its few locations gain nothing from the split queries the context
    // uses by default, whose second query would repeat the LIMIT 1 without an order, which EF Core warns about.
    public Task<MerchantProfile?> FindAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.MerchantProfiles
            .Include(p => p.Locations.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id))
            .AsSingleQuery()
            .FirstOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);

    public void Add(MerchantProfile profile) => db.MerchantProfiles.Add(profile);
}
