using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class PartnerRepository(AppDbContext db) : IPartnerRepository
{
    public Task<DeliveryPartner?> FindByIdAsync(Guid id, CancellationToken cancellationToken) =>
        db.DeliveryPartners.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public async Task<IReadOnlyList<DeliveryPartner>> ListAsync(CancellationToken cancellationToken) =>
        await db.DeliveryPartners.AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public void Add(DeliveryPartner partner) => db.DeliveryPartners.Add(partner);
}
