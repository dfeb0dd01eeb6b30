using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Proofs;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Proofs;

public sealed class DeliveryProofRepository(AppDbContext db) : IDeliveryProofRepository
{
    public async Task<ProofOfDeliveryPolicy> GetPolicyAsync(Guid merchantId, CancellationToken cancellationToken) =>
        await db.Set<ProofOfDeliveryPolicy>().AsNoTracking().FirstOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken)
        ?? ProofOfDeliveryPolicy.Default(merchantId);

    public Task<ProofOfDeliveryPolicy?> FindPolicyForUpdateAsync(Guid merchantId, CancellationToken cancellationToken) =>
        db.Set<ProofOfDeliveryPolicy>().FirstOrDefaultAsync(p => p.MerchantId == merchantId, cancellationToken);

    public void AddPolicy(ProofOfDeliveryPolicy policy) => db.Add(policy);

    public Task<ProofOrder?> FindOrderAsync(OrderKey key, Expression<Func<Order, bool>> scope, CancellationToken cancellationToken)
    {
        var query = db.Orders.AsNoTracking().Where(scope);
        query = key.Id is { } id ? query.Where(o => o.Id == id) : query.Where(o => o.TrackingCode == key.TrackingCode);
        return query.Select(o => new ProofOrder(o.Id, o.MerchantId, o.Status)).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<DeliveryProof?> FindLatestAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.Set<DeliveryProof>().AsNoTracking().Where(p => p.OrderId == orderId).OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<PublicDeliveryProof?> FindPublicAsync(string trackingCode, CancellationToken cancellationToken) =>
        (from order in db.Orders.AsNoTracking()
         where order.TrackingCode == trackingCode && order.Status == OrderStatus.Delivered
         from proof in db.Set<DeliveryProof>().Where(p => p.OrderId == order.Id).OrderByDescending(p => p.RecordedAt).Take(1)
         select new PublicDeliveryProof(
             proof.RecipientName,
             proof.RecipientSigned,
             proof.Photo,
             db.Set<ProofOfDeliveryPolicy>().Where(p => p.MerchantId == order.MerchantId).Select(p => p.ShowPhotoOnTracking).FirstOrDefault()))
        .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<DeliveryProof>> ListExpiredAsync(DateTimeOffset cutoff, int limit, CancellationToken cancellationToken) =>
        await db.Set<DeliveryProof>()
            .Where(p => p.RecordedAt < cutoff && p.FilesRemovedAt == null)
            .OrderBy(p => p.RecordedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);

    public void Add(DeliveryProof proof) => db.Add(proof);
}
