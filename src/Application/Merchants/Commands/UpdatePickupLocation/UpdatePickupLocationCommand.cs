using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Merchants.Commands.UpdatePickupLocation;

/// <summary>Changes a pickup location. Orders already created keep the address they were created with.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record UpdatePickupLocationCommand(Guid MerchantId, Guid LocationId, string? Label, DeliveryAddressDto? Address, string? Instructions, bool IsDefault)
    : ICommand<PickupLocationDto>, IPickupLocationFields;

public sealed class UpdatePickupLocationCommandValidator : PickupLocationValidator<UpdatePickupLocationCommand>;

public sealed class UpdatePickupLocationCommandHandler(
    ICurrentActor currentActor,
    IMerchantProfileRepository profiles,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<UpdatePickupLocationCommand, PickupLocationDto>
{
    public async ValueTask<PickupLocationDto> Handle(UpdatePickupLocationCommand command, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindManagedAsync(currentActor.Required(), command.MerchantId, cancellationToken);
        if (profile.FindLocation(command.LocationId) is null)
        {
            throw new NotFoundException("Pickup location", command.LocationId);
        }

        var location = profile.UpdateLocation(command.LocationId, command.Label!, command.Address!.ToDomain(), command.Instructions, command.IsDefault, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return location.ToDto();
    }
}
