using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Proofs.Queries.GetProofFile;

/// <summary>Which image of a proof of delivery.</summary>
public enum ProofFileKind
{
    Photo,
    Signature,
}

/// <summary>The photo or the signature of an order's proof of delivery, for whoever may see the order; 404 for anyone else or when there is none.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record GetProofFileQuery(OrderKey Order, ProofFileKind Kind) : IQuery<ProofFileContent>;

public sealed class GetProofFileQueryHandler(ICurrentActor currentActor, IDeliveryProofRepository proofs, IProofFileStore files) : IQueryHandler<GetProofFileQuery, ProofFileContent>
{
    public async ValueTask<ProofFileContent> Handle(GetProofFileQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await proofs.FindOrderAsync(query.Order, OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", query.Order);
        var proof = order.Status == OrderStatus.Delivered ? await proofs.FindLatestAsync(order.Id, cancellationToken) : null;
        var file = query.Kind == ProofFileKind.Photo ? proof?.Photo : proof?.Signature;
        return (file is null ? null : await files.GetAsync(file.Key, cancellationToken))
            ?? throw new NotFoundException($"The {query.Kind.ToString().ToLowerInvariant()} of the proof of delivery", query.Order);
    }
}
