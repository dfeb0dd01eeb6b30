using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.Login;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Users.Common;
using OrderTracking.Domain.Sessions;
using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Auth.Common;

/// <summary>Issues the pair of tokens a client holds: a short-lived access token and a refresh token of a session family.</summary>
public sealed class SessionIssuer(ITokenService tokens, ISessionRepository sessions, IOptions<SessionOptions> options, TimeProvider timeProvider)
{
    public SessionFamily StartFamily(User user) =>
        SessionFamily.Start(user.Id, timeProvider.GetUtcNow(), TimeSpan.FromDays(options.Value.RefreshTokenDays));

    /// <summary>Adds a new refresh token to <paramref name="family"/> (saved with the caller's unit of work) and returns the pair.</summary>
    public LoginResult Issue(User user, SessionFamily family)
    {
        var (refreshToken, hash) = tokens.NewRefreshToken();
        sessions.AddToken(RefreshToken.Issue(family, hash, timeProvider.GetUtcNow()));
        return Pair(user, family.Id, refreshToken);
    }

    /// <summary>Adds the successor of the just-spent <paramref name="spent"/> to its family and returns the pair.</summary>
    public LoginResult IssueSuccessor(User user, SessionFamily family, RefreshToken spent)
    {
        var (refreshToken, hash) = tokens.SuccessorRefreshToken(spent.Id);
        sessions.AddToken(RefreshToken.Issue(family, hash, timeProvider.GetUtcNow()));
        return Pair(user, family.Id, refreshToken);
    }

    /// <summary>The successor <see cref="IssueSuccessor"/> gave for <paramref name="spent"/>, again, with a fresh access token; nothing is added.</summary>
    public LoginResult RepeatSuccessor(User user, RefreshToken spent) => Pair(user, spent.FamilyId, tokens.SuccessorRefreshToken(spent.Id).Token);

    /// <summary>The access token names the session (<paramref name="sessionId"/>), so ending the session ends it too.</summary>
    private LoginResult Pair(User user, Guid sessionId, string refreshToken)
    {
        var access = tokens.CreateAccessToken(user, sessionId);
        return new LoginResult(access.Token, refreshToken, access.ExpiresInSeconds, user.ToDto());
    }
}
