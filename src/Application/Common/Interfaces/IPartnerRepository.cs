using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Common.Interfaces;

public interface IPartnerRepository
{
    Task<DeliveryPartner?> FindByIdAsync(Guid id, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryPartner>> ListAsync(bool activeOnly, CancellationToken cancellationToken);

    Task<bool> NameExistsAsync(string name, Guid? exceptId, CancellationToken cancellationToken);

    void Add(DeliveryPartner partner);

    Task<IReadOnlyList<PartnerApiKey>> ListKeysAsync(Guid partnerId, CancellationToken cancellationToken);

    Task<PartnerApiKey?> FindKeyAsync(Guid partnerId, Guid keyId, CancellationToken cancellationToken);

    /// <summary>The key with this public id and its partner (read-only).</summary>
    Task<(PartnerApiKey Key, DeliveryPartner Partner)?> FindKeyByPublicIdAsync(string publicId, CancellationToken cancellationToken);

    void AddKey(PartnerApiKey key);

    /// <summary>Writes <c>lastUsedAt</c> straight away, outside any unit of work.</summary>
    Task RecordKeyUseAsync(Guid keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
