using OrderTracking.Application.Common.Validation;
using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Partners.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Partners.Commands.CreatePartner;

[Authorize(ActorType.Admin)]
public sealed record CreatePartnerCommand(string? Name) : ICommand<PartnerDto>;

public sealed class CreatePartnerCommandValidator : AbstractValidator<CreatePartnerCommand>
{
    public CreatePartnerCommandValidator()
    {
        RuleFor(c => c.Name).RequiredText(DeliveryPartner.MaxNameLength, "the partner's name");
    }
}

public sealed class CreatePartnerCommandHandler(IPartnerRepository partners, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<CreatePartnerCommand, PartnerDto>
{
    public async ValueTask<PartnerDto> Handle(CreatePartnerCommand command, CancellationToken cancellationToken)
    {
        if (await partners.NameExistsAsync(command.Name!.Trim(), null, cancellationToken))
        {
            throw new DuplicateException("A delivery partner with this name already exists.");
        }

        var partner = DeliveryPartner.Create(command.Name, timeProvider.GetUtcNow());
        partners.Add(partner);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return partner.ToDto();
    }
}
