using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Partners.Commands.UpdatePartner;

/// <summary>Renames or (de)activates a partner. A deactivated partner's keys stop working on the very next request.</summary>
[Authorize(ActorType.Admin)]
public sealed record UpdatePartnerCommand(Guid PartnerId, string? Name, bool? IsActive) : ICommand<PartnerDto>;

public sealed class UpdatePartnerCommandValidator : AbstractValidator<UpdatePartnerCommand>
{
    public UpdatePartnerCommandValidator()
    {
        RuleFor(c => c.Name).RequiredText(DeliveryPartner.MaxNameLength, "the partner's name").When(c => c.Name is not null);
    }
}

public sealed class UpdatePartnerCommandHandler(IPartnerRepository partners, IUnitOfWork unitOfWork, TimeProvider timeProvider)
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
        else if (command.IsActive == false)
        {
            partner.Deactivate(now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return partner.ToDto();
    }
}
