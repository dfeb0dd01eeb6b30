using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class PartnerRepository(AppDbContext db) : IPartnerRepository
{
    public Task<DeliveryPartner?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.DeliveryPartners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<DeliveryPartner>> ListAsync(bool activeOnly, CancellationToken cancellationToken) =>
        await db.DeliveryPartners.AsNoTracking().Where(p => !activeOnly || p.IsActive).OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken) =>
        db.DeliveryPartners.AnyAsync(p => p.Name == name && p.Id != exceptId, cancellationToken);

    public void Add(DeliveryPartner partner) => db.DeliveryPartners.Add(partner);

    public async Task<IReadOnlyList<PartnerApiKey>> ListKeysAsync(Guid partnerId, CancellationToken cancellationToken) =>
        await db.PartnerApiKeys.AsNoTracking().Where(k => k.PartnerId == partnerId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);

    public Task<PartnerApiKey?> FindKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken) =>
        db.PartnerApiKeys.FirstOrDefaultAsync(k => k.PartnerId == partnerId && k.Id == keyId, cancellationToken);

    public async Task<(PartnerApiKey Key, DeliveryPartner Partner)?> FindKeyByPublicIdAsync(string publicId, CancellationToken cancellationToken)
    {
        var found = await db.PartnerApiKeys.AsNoTracking()
            .Where(k => k.PublicId == publicId)
            .Join(db.DeliveryPartners.AsNoTracking(), k => k.PartnerId, p => p.Id, (k, p) => new { Key = k, Partner = p })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Key, found.Partner);
    }

    public void AddKey(PartnerApiKey key) => db.PartnerApiKeys.Add(key);

    public Task RecordKeyUseAsync(Guid keyId, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.PartnerApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, at), cancellationToken);
}
