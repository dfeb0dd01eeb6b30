using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.Application.Auth.Commands.RefreshSession;

/// <summary>Spends a refresh token for a new pair. A token that was already spent revokes its whole session.</summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : ICommand<LoginResult>
{
    public override string ToString() => "RefreshSessionCommand";
}

public sealed class RefreshSessionCommandValidator : AbstractValidator<RefreshSessionCommand>
{
    public RefreshSessionCommandValidator()
    {
        RuleFor(c => c.RefreshToken).NotEmpty().MaximumLength(200);
    }
}

public sealed class RefreshSessionCommandHandler(
    ITokenService tokens,
    ISessionRepository sessions,
    IUserRepository users,
    SessionIssuer sessionIssuer,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider) : ICommandHandler<RefreshSessionCommand, LoginResult>
{
    private const string Refused = "The session has ended. Sign in again.";

    public async ValueTask<LoginResult> Handle(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        var found = await sessions.FindTokenAsync(tokens.HashRefreshToken(command.RefreshToken!), cancellationToken)
            ?? throw new UnauthenticatedException(Refused);
        var (token, family) = found;
        var now = timeProvider.GetUtcNow();

        var user = await users.FindByIdAsync(family.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            family.Revoke(SessionRevocationReason.AccountChanged, now);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            throw new UnauthenticatedException(Refused);
        }

        switch (family.Redeem(token, now, TimeSpan.FromSeconds(options.Value.RefreshReuseGraceSeconds)))
        {
            case RefreshOutcome.Rotate:
                var result = sessionIssuer.Issue(user, family);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                return result;
            case RefreshOutcome.ReuseDetected:
                await unitOfWork.SaveChangesAsync(cancellationToken);
                throw new UnauthenticatedException(Refused);
            default:
                throw new UnauthenticatedException(Refused);
        }
    }
}
