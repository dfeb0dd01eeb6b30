using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>Loads a profile for someone who wants to manage it, applying <see cref="MerchantProfile.MayBeManagedBy"/>.</summary>
public static class MerchantProfiles
{
    /// <summary>403 when <paramref name="actor"/> may not manage the merchant's profile.</summary>
    public static void EnsureMayManage(Actor actor, Guid merchantId)
    {
        if (!MerchantProfile.MayBeManagedBy(actor, merchantId))
        {
            throw new ForbiddenAccessException("A merchant manages only its own profile and pickup locations.");
        }
    }

    /// <summary>The profile <paramref name="actor"/> may manage; 403 when it may not, 404 when the merchant has none yet.</summary>
    public static async Task<MerchantProfile> FindManagedAsync(this IMerchantProfileRepository profiles, Actor actor, Guid merchantId, CancellationToken cancellationToken)
    {
        EnsureMayManage(actor, merchantId);
        return await profiles.FindAsync(merchantId, cancellationToken)
            ?? throw new NotFoundException("Merchant profile", merchantId);
    }
}
