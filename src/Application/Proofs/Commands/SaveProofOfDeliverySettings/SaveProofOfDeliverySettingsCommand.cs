using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Proofs.Common;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Proofs;

namespace OrderTracking.Application.Proofs.Commands.SaveProofOfDeliverySettings;

/// <summary>Sets what couriers and partners capture when they deliver the merchant's orders, and whether customers see the photo.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant)]
public sealed record SaveProofOfDeliverySettingsCommand(
    Guid MerchantId,
    ProofRequirement? Photo,
    ProofRequirement? Signature,
    ProofRequirement? RecipientName,
    ProofRequirement? Position,
    bool ShowPhotoOnTracking) : ICommand<ProofOfDeliverySettingsDto>;

public sealed class SaveProofOfDeliverySettingsCommandValidator : AbstractValidator<SaveProofOfDeliverySettingsCommand>
{
    public SaveProofOfDeliverySettingsCommandValidator()
    {
        RuleFor(c => c.Photo).NotNull().IsInEnum();
        RuleFor(c => c.Signature).NotNull().IsInEnum();
        RuleFor(c => c.RecipientName).NotNull().IsInEnum();
        RuleFor(c => c.Position).NotNull().IsInEnum().NotEqual(ProofRequirement.Required).WithMessage(ProofOfDeliveryPolicy.PositionCannotBeRequired);
    }
}

public sealed class SaveProofOfDeliverySettingsCommandHandler(ICurrentActor currentActor, IDeliveryProofRepository proofs, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<SaveProofOfDeliverySettingsCommand, ProofOfDeliverySettingsDto>
{
    public async ValueTask<ProofOfDeliverySettingsDto> Handle(SaveProofOfDeliverySettingsCommand command, CancellationToken cancellationToken)
    {
        MerchantProfiles.EnsureMayManage(currentActor.Required(), command.MerchantId);
        var policy = await proofs.FindPolicyForUpdateAsync(command.MerchantId, cancellationToken);
        if (policy is null)
        {
            policy = ProofOfDeliveryPolicy.Default(command.MerchantId);
            proofs.AddPolicy(policy);
        }

        policy.Change(command.Photo!.Value, command.Signature!.Value, command.RecipientName!.Value, command.Position!.Value, command.ShowPhotoOnTracking, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return policy.ToSettings();
    }
}
