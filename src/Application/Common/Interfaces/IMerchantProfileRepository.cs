using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Common.Interfaces;

public interface IMerchantProfileRepository
{
    /// <summary>The merchant's profile with its pickup locations, tracked for changes; null when it has none yet.</summary>
    Task<MerchantProfile?> FindAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>
    /// What a new order keeps of the merchant's pickup location named by <paramref name="locationId"/>, or of its
    /// default location when none is named: one location read, not tracked. Null when there is no such location.
    /// </summary>
    Task<OrderPickup?> FindPickupAsync(Guid merchantId, Guid? locationId, CancellationToken cancellationToken);

    void Add(MerchantProfile profile);
}
