using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Commands.UpdateWebhookEndpoint;

/// <summary>Changes an endpoint's address or events, or enables/disables it; fields left out stay as they are.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record UpdateWebhookEndpointCommand(Guid EndpointId, string? Url, IReadOnlyList<string>? Events, bool? IsEnabled) : ICommand<WebhookEndpointDto>;

public sealed class UpdateWebhookEndpointCommandValidator : AbstractValidator<UpdateWebhookEndpointCommand>
{
    public UpdateWebhookEndpointCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookUrl.MaxLength).When(c => c.Url is not null);
        RuleFor(c => c.Events).NotEmpty().MaxItems(WebhookEventTypes.All.Count).When(c => c.Events is not null);
        RuleForEach(c => c.Events).NotEmpty().MaximumLength(WebhookEventTypes.MaxLength).Must(WebhookEventTypes.IsKnown).WithMessage($"Each event must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
    }
}

public sealed class UpdateWebhookEndpointCommandHandler(
    IWebhookRepository webhooks,
    IWebhookUrlGuard urlGuard,
    ICurrentActor currentActor,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<UpdateWebhookEndpointCommand, WebhookEndpointDto>
{
    public async ValueTask<WebhookEndpointDto> Handle(UpdateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        // Enabling and disabling is open to whoever oversees the endpoint (admins for any); its address and events only to who manages it.
        var actor = currentActor.Required();
        var endpoint = command.Url is null && command.Events is null
            ? await webhooks.FindOverseenAsync(command.EndpointId, actor, cancellationToken)
            : await webhooks.FindManagedAsync(command.EndpointId, actor, cancellationToken);
        var now = timeProvider.GetUtcNow();
        if (command.Url is { } url)
        {
            if (await urlGuard.RefusalAsync(url, cancellationToken) is { } refusal)
            {
                throw new DomainValidationException(nameof(command.Url), refusal);
            }

            endpoint.ChangeUrl(url, now);
        }

        if (command.Events is { } events)
        {
            endpoint.Subscribe(events, now);
        }

        if (command.IsEnabled == true)
        {
            endpoint.Enable(now);
        }
        else if (command.IsEnabled == false)
        {
            endpoint.Disable(WebhookDisabledReason.Manually, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return endpoint.ToDto();
    }
}
