using System.Linq.Expressions;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Proofs of delivery and the merchants' policies for them.</summary>
public interface IDeliveryProofRepository
{
    /// <summary>The merchant's policy, or <see cref="ProofOfDeliveryPolicy.Default"/> (not tracked) when it never saved one.</summary>
    Task<ProofOfDeliveryPolicy> GetPolicyAsync(Guid merchantId, CancellationToken cancellationToken);

    /// <summary>The merchant's saved policy, tracked for a change, or null.</summary>
    Task<ProofOfDeliveryPolicy?> FindPolicyForUpdateAsync(Guid merchantId, CancellationToken cancellationToken);

    void AddPolicy(ProofOfDeliveryPolicy policy);

    /// <summary>The order <paramref name="key"/> names, if <paramref name="scope"/> lets the caller see it: its id, merchant and status.</summary>
    Task<ProofOrder?> FindOrderAsync(OrderKey key, Expression<Func<Order, bool>> scope, CancellationToken cancellationToken);

    /// <summary>The order's latest proof (an order delivered, failed... is delivered once, but a proof is never overwritten).</summary>
    Task<DeliveryProof?> FindLatestAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>What the public tracking page says about the delivery of the order with this code, or null before delivery.</summary>
    Task<PublicDeliveryProof?> FindPublicAsync(string trackingCode, CancellationToken cancellationToken);

    /// <summary>Proofs recorded before <paramref name="cutoff"/> that still hold images or a position, oldest first, tracked.</summary>
    Task<IReadOnlyList<DeliveryProof>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken);

    void Add(DeliveryProof proof);
}

public sealed record ProofOrder(Guid Id, Guid MerchantId, OrderStatus Status);

/// <summary>The public facts of a delivery: who took it, whether they signed, and the photo if its merchant shows it.</summary>
public sealed record PublicDeliveryProof(string? RecipientName, bool RecipientSigned, ProofFile? Photo, bool ShowPhoto);
