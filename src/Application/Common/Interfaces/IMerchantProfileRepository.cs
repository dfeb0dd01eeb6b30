using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Common.Interfaces;

public interface IMerchantProfileRepository
{
    /// <summary>The merchant's profile with its pickup locations, tracked for changes; null when it has none yet.</summary>
    Task<MerchantProfile?> FindAsync(Guid merchantId, CancellationToken cancellationToken);

    void Add(MerchantProfile profile);
}
