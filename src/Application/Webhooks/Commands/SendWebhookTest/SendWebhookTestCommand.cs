using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Application.Webhooks.Events;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Commands.SendWebhookTest;

/// <summary>
/// Sends an <c>endpoint.test</c> event to the endpoint through the normal path (signed, retried, in the log), so its
/// owner can check the receiver before any order changes. A disabled endpoint's test waits, like its other
/// deliveries, until the endpoint is enabled.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record SendWebhookTestCommand(Guid EndpointId) : ICommand<WebhookDeliveryDto>;

public sealed class SendWebhookTestCommandHandler(
    IWebhookRepository webhooks,
    ICurrentActor currentActor,
    IUnitOfWork unitOfWork,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider) : ICommandHandler<SendWebhookTestCommand, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendWebhookTestCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindManagedAsync(command.EndpointId, currentActor.Required(), cancellationToken);
        var now = timeProvider.GetUtcNow();
        var eventId = Guid.CreateVersion7(now);
        var body = new WebhookTestPayload(eventId, WebhookEventTypes.EndpointTest, now, new WebhookTestData(endpoint.Id, "A test event sent from the endpoint's page. It concerns no order.")).ToJson();
        var delivery = WebhookDelivery.PlanTest(endpoint.Id, eventId, body, options.Value.RetrySchedule.Window, now);
        webhooks.AddDelivery(delivery);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        webhooks.WakeDeliveryWorker();
        return delivery.ToDto();
    }
}
