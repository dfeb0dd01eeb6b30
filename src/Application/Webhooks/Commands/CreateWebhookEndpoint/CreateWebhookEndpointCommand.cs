using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Webhooks.Commands.CreateWebhookEndpoint;

/// <summary>
/// Adds a webhook endpoint: a merchant's own (no <see cref="PartnerId"/>), or, by an admin, a delivery partner's. The
/// answer holds the signing secret, shown this once. An owner has at most <see cref="WebhookOptions.MaxEndpointsPerOwner"/>
/// endpoints: past that the answer is 409 and nothing is added.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record CreateWebhookEndpointCommand(Guid? PartnerId, string? Url, IReadOnlyList<string>? Events) : ICommand<WebhookEndpointWithSecretDto>;

public sealed class CreateWebhookEndpointCommandValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookUrl.MaxLength);
        RuleFor(c => c.Events).NotEmpty().MaxItems(WebhookEventTypes.All.Count);
        RuleForEach(c => c.Events).NotEmpty().MaximumLength(WebhookEventTypes.MaxLength).Must(WebhookEventTypes.IsKnown).WithMessage($"Each event must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
    }
}

public sealed class CreateWebhookEndpointCommandHandler(
    IWebhookRepository webhooks,
    IPartnerRepository partners,
    IWebhookUrlGuard urlGuard,
    IWebhookSecretProtector secrets,
    ICurrentActor currentActor,
    IUnitOfWork unitOfWork,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider) : ICommandHandler<CreateWebhookEndpointCommand, WebhookEndpointWithSecretDto>
{
    public async ValueTask<WebhookEndpointWithSecretDto> Handle(CreateWebhookEndpointCommand command, CancellationToken cancellationToken)
    {
        var owner = await partners.OwnerManagedByAsync(currentActor.Required(), command.PartnerId, cancellationToken);
        if (await urlGuard.RefusalAsync(command.Url!, cancellationToken) is { } refusal)
        {
            throw new DomainValidationException(nameof(command.Url), refusal);
        }

        // The place is unique per owner in the database, so of two creations racing for one place only one gets it.
        // The other looks again: it takes the next free place, or, when the race took the last one, hears of the cap.
        var limit = options.Value.MaxEndpointsPerOwner;
        var secret = WebhookSigningSecret.New();
        var protectedSecret = secrets.Protect(secret);
        for (var attempt = 1; ; attempt++)
        {
            var slot = WebhookEndpoint.FreeSlot(await webhooks.TakenSlotsAsync(owner, cancellationToken), limit)
                ?? throw new DomainRuleException($"An owner may have at most {limit} webhook endpoints. Delete one you no longer use, or change its URL and events.");
            var endpoint = WebhookEndpoint.Create(owner, slot, command.Url!, command.Events!, protectedSecret, timeProvider.GetUtcNow());
            webhooks.AddEndpoint(endpoint);
            try
            {
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return new WebhookEndpointWithSecretDto(endpoint.ToDto(), secret);
            }
            catch (DuplicateException) when (attempt <= limit)
            {
                // Each lost race means another endpoint took a place: after `limit` of them the next look finds none.
                webhooks.RemoveEndpoint(endpoint);
            }
        }
    }
}
