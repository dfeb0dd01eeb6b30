using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.Application.Auth.Commands.Logout;

/// <summary>Ends the caller's session that <see cref="RefreshToken"/> belongs to: every token of it stops working.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery)]
public sealed record LogoutCommand(string? RefreshToken) : ICommand
{
    public override string ToString() => "LogoutCommand";
}

public sealed class LogoutCommandValidator : AbstractValidator<LogoutCommand>
{
    public LogoutCommandValidator()
    {
        RuleFor(c => c.RefreshToken).MaximumLength(RefreshToken.MaxPresentedLength);
    }
}

public sealed class LogoutCommandHandler(ICurrentActor currentActor, ITokenService tokens, ISessionRepository sessions, IUnitOfWork unitOfWork, TimeProvider timeProvider)
    : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        if (!string.IsNullOrEmpty(command.RefreshToken)
            && await sessions.FindTokenAsync(tokens.HashRefreshToken(command.RefreshToken), cancellationToken) is { Family: var family }
            && family.UserId == actor.Id)
        {
            family.Revoke(SessionRevocationReason.SignedOut, timeProvider.GetUtcNow());
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
