using Mediator;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Partners.Commands.RevokeApiKey;

/// <summary>Revokes a key; the very next request with it is refused.</summary>
[Authorize(ActorType.Admin)]
public sealed record RevokeApiKeyCommand(Guid PartnerId, Guid KeyId) : ICommand;

public sealed class RevokeApiKeyCommandHandler(IPartnerRepository partners, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await partners.FindKeyAsync(command.PartnerId, command.KeyId, cancellationToken) ?? throw new NotFoundException("API key", command.KeyId);
        key.Revoke(timeProvider.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
