using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Merchants.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Merchants.Commands.RemovePickupLocation;

/// <summary>Removes a pickup location; orders created from it keep their copy of its address.</summary>
[Authorize(ActorType.Merchant, ActorType.Admin)]
public sealed record RemovePickupLocationCommand(Guid MerchantId, Guid LocationId) : ICommand;

public sealed class RemovePickupLocationCommandHandler(
    ICurrentActor currentActor,
    IMerchantProfileRepository profiles,
    IUnitOfWork unitOfWork,
    TimeProvider timeProvider) : ICommandHandler<RemovePickupLocationCommand>
{
    public async ValueTask<Unit> Handle(RemovePickupLocationCommand command, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindManagedAsync(currentActor.Required(), command.MerchantId, cancellationToken);
        if (profile.FindLocation(command.LocationId) is null)
        {
            throw new NotFoundException("Pickup location", command.LocationId);
        }

        profile.RemoveLocation(command.LocationId, timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
