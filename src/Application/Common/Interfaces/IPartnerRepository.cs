using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Common.Interfaces;

public interface IPartnerRepository
{
    Task<DeliveryPartner?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryPartner>> ListAsync(CancellationToken cancellationToken);

    void Add(DeliveryPartner partner);
}
