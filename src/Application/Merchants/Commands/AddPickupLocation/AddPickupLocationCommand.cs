using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Merchants.Commands.AddPickupLocation;

/// <summary>Adds a pickup location to a merchant's profile; the first one becomes the default.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record AddPickupLocationCommand(Guid MerchantId, string? Label, DeliveryAddressDto? Address, string? Instructions, bool IsDefault)
    : ICommand<PickupLocationDto>, IPickupLocationFields;

public sealed class AddPickupLocationCommandValidator : PickupLocationValidator<AddPickupLocationCommand>;

public sealed class AddPickupLocationCommandHandler(
    ICurrentActor currentActor,
    IMerchantProfileRepository profiles,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<AddPickupLocationCommand, PickupLocationDto>
{
    public async ValueTask<PickupLocationDto> Handle(AddPickupLocationCommand command, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindManagedAsync(currentActor.Required(), command.MerchantId, cancellationToken);
        var location = profile.AddLocation(command.Label!, command.Address!.ToDomain(), command.Instructions, command.IsDefault, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return location.ToDto();
    }
}
