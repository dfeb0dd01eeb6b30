using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class MerchantProfileRepository(AppDbContext db) : IMerchantProfileRepository
{
    // One statement (the context's single-query default): one profile (by its key) and its few locations joined in.
    public Task<MerchantProfile?> FindAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.MerchantProfiles
            .Include(p => p.Locations.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id))
            .FirstOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);

    // A create copies one location: the one it names (by key) or the default (by the merchant's index), compiled once.
    public async Task<OrderPickup?> FindPickupAsync(Guid merchantId, Guid? locationId, CancellationToken cancellationToken)
    {
        var location = locationId is { } id
            ? await NamedLocation(db, merchantId, id, cancellationToken)
            : await DefaultLocation(db, merchantId, cancellationToken);
        return location?.ToOrderPickup();
    }

    private static readonly Func<AppDbContext, Guid, Guid, CancellationToken, Task<PickupLocation?>> NamedLocation = EF.CompileAsyncQuery(
        (AppDbContext db, Guid merchantId, Guid locationId, CancellationToken _) =>
            db.Set<PickupLocation>().AsNoTracking().FirstOrDefault(l => l.Id == locationId && l.MerchantId == merchantId));

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<PickupLocation?>> DefaultLocation = EF.CompileAsyncQuery(
        (AppDbContext db, Guid merchantId, CancellationToken _) =>
            db.Set<PickupLocation>().AsNoTracking().FirstOrDefault(l => l.MerchantId == merchantId && l.IsDefault));

    public void Add(MerchantProfile profile) => db.MerchantProfiles.Add(profile);
}
