using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Proofs.Queries.GetProofOfDelivery;

/// <summary>
/// An order's proof of delivery for whoever may see the order (its merchant, an admin, the courier or partner in
/// charge): what its merchant asks for at the door and, once delivered, what was captured.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record GetProofOfDeliveryQuery(OrderKey Order) : IQuery<ProofOfDeliveryDto>;

public sealed class GetProofOfDeliveryQueryHandler(ICurrentActor currentActor, IDeliveryProofRepository proofs) : IQueryHandler<GetProofOfDeliveryQuery, ProofOfDeliveryDto>
{
    public async ValueTask<ProofOfDeliveryDto> Handle(GetProofOfDeliveryQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var order = await proofs.FindOrderAsync(query.Order, OrderVisibility.For(actor), cancellationToken)
            ?? throw new NotFoundException("Order", query.Order);
        var policy = await proofs.GetPolicyAsync(order.MerchantId, cancellationToken);
        var proof = order.Status == OrderStatus.Delivered ? await proofs.FindLatestAsync(order.Id, cancellationToken) : null;
        return new ProofOfDeliveryDto(policy.ToRequirements(), proof is null ? null : DeliveryProofDto.From(proof));
    }
}
