using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.Application.Auth.Commands.Logout;

/// <summary>
/// Signs out: ends the session of the caller's access token, and the session <see cref="RefreshToken"/> belongs to
/// when it is another of the caller's. Every access and refresh token of an ended session stops working, and its live
/// connections close.
/// </summary>
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

public sealed class LogoutCommandHandler(
    ICurrentActor currentActor,
    ITokenService tokens,
    ISessionRepository sessions,
    IUnitOfWork unitOfWork,
    ISessionEndNotifier sessionEnds,
    TimeProvider timeProvider) : ICommandHandler<LogoutCommand>
{
    public async ValueTask<Unit> Handle(LogoutCommand command, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var ending = new List<SessionFamily>();
        if (currentActor.SessionId is { } sessionId && await sessions.FindFamilyAsync(sessionId, cancellationToken) is { } own && own.UserId == actor.Id)
        {
            ending.Add(own);
        }

        if (!string.IsNullOrEmpty(command.RefreshToken)
            && await sessions.FindTokenAsync(tokens.HashRefreshToken(command.RefreshToken), cancellationToken) is { Family: var named }
            && named.UserId == actor.Id
            && !ending.Any(f => f.Id == named.Id))
        {
            ending.Add(named);
        }

        if (ending.Count == 0)
        {
            return Unit.Value;
        }

        var now = timeProvider.GetUtcNow();
        ending.ForEach(family => family.Revoke(SessionRevocationReason.SignedOut, now));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        foreach (var family in ending)
        {
            await sessionEnds.SessionEndedAsync(actor.Id, family.Id, cancellationToken);
        }

        return Unit.Value;
    }
}
