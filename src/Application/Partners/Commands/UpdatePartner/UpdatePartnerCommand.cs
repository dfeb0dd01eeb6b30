using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Application.Partners.Commands.UpdatePartner;

/// <summary>
/// Renames or (de)activates a partner. A deactivated partner's keys stop working on the very next request, and its
/// webhook endpoints are disabled in the same commit (they stay disabled if it is activated again, until enabled).
/// </summary>
[Authorize(ActorType.Admin)]
public sealed record UpdatePartnerCommand(Guid PartnerId, string? Name, bool? IsActive) : ICommand<PartnerDto>;

public sealed class UpdatePartnerCommandValidator : AbstractValidator<UpdatePartnerCommand>
{
    public UpdatePartnerCommandValidator()
    {
        RuleFor(c => c.Name).RequiredText(DeliveryPartner.MaxNameLength, "the partner's name").When(c => c.Name is not null);
    }
}

public sealed class UpdatePartnerCommandHandler(IPartnerRepository partners, IWebhookRepository webhooks, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<UpdatePartnerCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(UpdatePartnerCommand command, CancellationToken cancellationToken)
    {
        var partner = await partners.FindByIdAsync(command.PartnerId, cancellationToken) ?? throw new NotFoundException("Partner", command.PartnerId);
        var now = timeProvider.GetUtcNow();
        if (command.Name is { } name)
        {
            if (await partners.NameExistsAsync(name.Trim(), partner.Id, cancellationToken))
            {
                throw new DuplicateException("A delivery partner with this name already exists.");
            }

            partner.Rename(name, now);
        }

        if (command.IsActive == true)
        {
            partner.Activate(now);
        }
        else if (command.IsActive == false && partner.IsActive)
        {
            partner.Deactivate(now);
            await webhooks.DisableAllAsync(WebhookOwner.Partner(partner.Id), WebhookDisabledReason.OwnerDeactivated, now, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return partner.ToDto();
    }
}
