using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.Application.Auth.Commands.RefreshSession;

/// <summary>
/// Spends a refresh token for a new pair. Within the reuse grace a spent token gets the same successor again;
/// after it, a spent token coming back revokes its whole session. Every token of a session draws from the session's
/// refresh bucket, so a session cannot renew without bound by rotating; a token that names no session gets a bucket
/// of its own, keyed on its hash so that no token is kept in memory.
/// </summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : ICommand<LoginResult>
{
    public override string ToString() => "RefreshSessionCommand";
}

public sealed class RefreshSessionCommandValidator : AbstractValidator<RefreshSessionCommand>
{
    public RefreshSessionCommandValidator()
    {
        // Optional in the body: a browser's token travels in its cookie instead; no token at all is a 401 like a spent one.
        RuleFor(c => c.RefreshToken).MaximumLength(Domain.Sessions.RefreshToken.MaxPresentedLength);
    }
}

public sealed class RefreshSessionCommandHandler(
    ITokenService tokens,
    ISessionRepository sessions,
    IUserRepository users,
    IRefreshRateLimiter refreshLimit,
    SessionIssuer sessionIssuer,
    IUnitOfWork unitOfWork,
    IOptions<SessionOptions> options,
    TimeProvider timeProvider) : ICommandHandler<RefreshSessionCommand, LoginResult>
{
    private const string Refused = "The session has ended. Sign in again.";

    public async ValueTask<LoginResult> Handle(RefreshSessionCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(command.RefreshToken))
        {
            throw new UnauthenticatedException(Refused);
        }

        var hash = tokens.HashRefreshToken(command.RefreshToken);
        var found = await sessions.FindTokenAsync(hash, cancellationToken);
        var bucket = found is { Family.Id: var familyId } ? "session:" + familyId.ToString("N") : "token:" + Convert.ToHexString(hash);
        if (!refreshLimit.TryAcquire(bucket, out var retryAfter))
        {
            throw new TooManyRequestsException(retryAfter);
        }

        var (token, family) = found ?? throw new UnauthenticatedException(Refused);
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
                var result = sessionIssuer.IssueSuccessor(user, family, token);
                try
                {
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                }
                catch (DuplicateException)
                {
                    // Two requests spent the token at the same instant and derived the same successor; the other one stored it.
                }

                return result;
            case RefreshOutcome.RepeatSuccessor:
                return sessionIssuer.RepeatSuccessor(user, token);
            case RefreshOutcome.ReuseDetected:
                await unitOfWork.SaveChangesAsync(cancellationToken);
                throw new UnauthenticatedException(Refused);
            default:
                throw new UnauthenticatedException(Refused);
        }
    }
}
