using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Commands.ResendWebhookDelivery;

/// <summary>
/// Sends a delivered or failed event to the endpoint again, with the same event id and body. The retry window stays
/// the one the delivery was planned with: after it, a resend is a single attempt.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record ResendWebhookDeliveryCommand(Guid EndpointId, Guid DeliveryId) : ICommand<WebhookDeliveryDto>;

public sealed class ResendWebhookDeliveryCommandHandler(
    IWebhookRepository webhooks,
    ICurrentActor currentActor,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<ResendWebhookDeliveryCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(ResendWebhookDeliveryCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindManagedAsync(command.EndpointId, currentActor.Required(), cancellationToken);
        var delivery = await webhooks.FindDeliveryAsync(endpoint.Id, command.DeliveryId, cancellationToken)
            ?? throw new NotFoundException("Webhook delivery", command.DeliveryId);
        delivery.Resend(timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        webhooks.WakeDeliveryWorker();
        return delivery.ToDto();
    }
}
