using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Webhooks.Commands.DeleteWebhookEndpoint;

/// <summary>
/// Deletes an endpoint with its delivery log: nothing more is sent to it, a send already on its way included (its
/// outcome is dropped), and its place counts no more against its owner's limit.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record DeleteWebhookEndpointCommand(Guid EndpointId) : ICommand;

public sealed class DeleteWebhookEndpointCommandHandler(IWebhookRepository webhooks, ICurrentActor currentActor, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteWebhookEndpointCommand>
{
    public async ValueTask<Unit> Handle(DeleteWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindOverseenAsync(command.EndpointId, currentActor.Required(), cancellationToken);
        webhooks.RemoveEndpoint(endpoint);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
