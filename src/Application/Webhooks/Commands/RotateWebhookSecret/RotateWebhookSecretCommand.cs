using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Commands.RotateWebhookSecret;

/// <summary>
/// Issues a new signing secret (answered this once); the previous one keeps signing beside it for
/// <see cref="WebhookEndpoint.RotationOverlap"/>, so the receiver can switch without refusing a delivery.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record RotateWebhookSecretCommand(Guid EndpointId) : ICommand<WebhookEndpointWithSecretDto>;

public sealed class RotateWebhookSecretCommandHandler(IWebhookRepository webhooks, IWebhookSecretProtector secrets, ICurrentActor currentActor, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<RotateWebhookSecretCommand, WebhookEndpointWithSecretDto>
{
    public async ValueTask<WebhookEndpointWithSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindManagedAsync(command.EndpointId, currentActor.Required(), cancellationToken);
        var secret = WebhookSigningSecret.New();
        endpoint.RotateSecret(secrets.Protect(secret), timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return new WebhookEndpointWithSecretDto(endpoint.ToDto(), secret);
    }
}
