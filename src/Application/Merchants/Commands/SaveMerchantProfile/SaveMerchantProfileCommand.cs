using FluentValidation;
using OrderTracking.Application.Common.Validation;
using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Merchants.Commands.SaveMerchantProfile;

/// <summary>Creates or replaces a merchant's business name and public contact (at least a phone or an email).</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record SaveMerchantProfileCommand(Guid MerchantId, string? BusinessName, string? ContactPhone, string? ContactEmail) : ICommand<MerchantProfileDto>;

public sealed class SaveMerchantProfileCommandValidator : AbstractValidator<SaveMerchantProfileCommand>
{
    public SaveMerchantProfileCommandValidator()
    {
        RuleFor(c => c.BusinessName).RequiredText(MerchantProfile.MaxBusinessNameLength, "the business name");
        RuleFor(c => c.ContactPhone).Cascade(CascadeMode.Stop).MaximumLength(MerchantProfile.MaxContactPhoneLength)
            .Must(OrderValidationRules.IsPhoneNumber).WithMessage("Enter a phone number customers can call, such as +44 20 7946 0000.")
            .When(c => !string.IsNullOrWhiteSpace(c.ContactPhone));
        RuleFor(c => c.ContactEmail).MaximumLength(MerchantProfile.MaxContactEmailLength).EmailAddress()
            .WithMessage("Enter an email address customers can write to, such as hello@example.com.")
            .When(c => !string.IsNullOrWhiteSpace(c.ContactEmail));
        RuleFor(c => c.ContactPhone).NotEmpty().When(c => string.IsNullOrWhiteSpace(c.ContactEmail))
            .WithMessage(MerchantProfile.ContactRequired);
    }
}

public sealed class SaveMerchantProfileCommandHandler(
    ICurrentActor currentActor,
    IMerchantProfileRepository profiles,
    IUserRepository users,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<SaveMerchantProfileCommand, MerchantProfileDto>
{
    public async ValueTask<MerchantProfileDto> Handle(SaveMerchantProfileCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        MerchantProfiles.EnsureMayManage(actor, command.MerchantId);
        var now = timeProvider.GetUtcNow();
        var profile = await profiles.FindAsync(command.MerchantId, cancellationToken);
        if (profile is null)
        {
            var merchant = await users.FindByIdAsync(command.MerchantId, cancellationToken);
            if (merchant is not { Role: UserRole.Merchant })
            {
                throw new NotFoundException("Merchant", command.MerchantId);
            }

            profile = MerchantProfile.Create(command.MerchantId, command.BusinessName!, command.ContactPhone, command.ContactEmail, now);
            profiles.Add(profile);
        }
        else
        {
            profile.UpdateDetails(command.BusinessName!, command.ContactPhone, command.ContactEmail, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return profile.ToDto();
    }
}
