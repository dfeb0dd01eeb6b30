using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// Reads a user's session state and the state of the token's session with one indexed primary-key query (a user row
/// joined to a session-family row) and keeps both in this instance's memory for
/// <see cref="SessionOptions.AccessCheckCacheSeconds"/> (absolute, never renewed), so a change made on another
/// instance is seen within that time; the instance that makes the change forgets its copy at once, and a read that was
/// under way meanwhile does not put the old state back (<see cref="SessionCheckForgets"/>).
/// </summary>
public sealed class UserSessionCheck(AppDbContext db, IMemoryCache cache, IOptions<SessionOptions> options, SessionCheckForgets forgets, TimeProvider timeProvider) : IUserSessionCheck
{
    public async ValueTask<bool> IsCurrentAsync(Guid userId, int sessionVersion, Guid sessionId, CancellationToken cancellationToken)
    {
        var hasUser = cache.TryGetValue(UserKey(userId), out UserSessionState? user);
        var hasSession = cache.TryGetValue(SessionKey(sessionId), out SessionFamilyState? session);
        if (!hasUser || !hasSession)
        {
            var forgotten = forgets.Count;
            // A user or a session that does not exist is cached too (as null), so a flood of tokens naming one costs one query.
            (user, session) = hasUser ? (user, await ReadSessionAsync(sessionId, cancellationToken))
                : hasSession ? (await ReadUserAsync(userId, cancellationToken), session)
                : await ReadBothAsync(userId, sessionId, cancellationToken);
            var lifetime = TimeSpan.FromSeconds(options.Value.AccessCheckCacheSeconds);
            if (lifetime > TimeSpan.Zero)
            {
                cache.Set(UserKey(userId), user, lifetime);
                cache.Set(SessionKey(sessionId), session, lifetime);

                // Something was forgotten while this read ran: what it read may be from before that change committed.
                // Checked after the writes, and a forget counts before it removes, so whichever of the two writes
                // the cache last, no old state stays in it.
                if (forgets.Count != forgotten)
                {
                    cache.Remove(UserKey(userId));
                    cache.Remove(SessionKey(sessionId));
                }
            }
        }

        return user?.Accepts(sessionVersion) == true && session?.IsLiveFor(userId, timeProvider.GetUtcNow()) == true;
    }

    public void Forget(Guid userId)
    {
        forgets.Add();
        cache.Remove(UserKey(userId));
    }

    public void ForgetSession(Guid sessionId)
    {
        forgets.Add();
        cache.Remove(SessionKey(sessionId));
    }

    private Task<UserSessionState?> ReadUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new UserSessionState(u.IsActive, u.SessionVersion)).FirstOrDefaultAsync(cancellationToken);

    private Task<SessionFamilyState?> ReadSessionAsync(Guid sessionId, CancellationToken cancellationToken) =>
        db.SessionFamilies.AsNoTracking().Where(f => f.Id == sessionId)
            .Select(f => new SessionFamilyState(f.UserId, f.RevokedAt != null, f.ExpiresAt)).FirstOrDefaultAsync(cancellationToken);

    private async Task<(UserSessionState?, SessionFamilyState?)> ReadBothAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken)
    {
        var row = await (
                from u in db.Users.AsNoTracking()
                where u.Id == userId
                from f in db.SessionFamilies.AsNoTracking().Where(f => f.Id == sessionId && f.UserId == u.Id).DefaultIfEmpty()
                select new { u.IsActive, u.SessionVersion, Found = f != null, Revoked = f!.RevokedAt != null, ExpiresAt = (DateTimeOffset?)f.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? (null, null)
            : (new UserSessionState(row.IsActive, row.SessionVersion), row.Found ? new SessionFamilyState(userId, row.Revoked, row.ExpiresAt!.Value) : null);
    }

    private static string UserKey(Guid userId) => $"user-session-state:{userId}";

    private static string SessionKey(Guid sessionId) => $"session-family-state:{sessionId}";

    /// <summary>What the check needs of a session family: whose it is, and whether it has ended.</summary>
    private sealed record SessionFamilyState(Guid UserId, bool Revoked, DateTimeOffset ExpiresAt)
    {
        public bool IsLiveFor(Guid userId, DateTimeOffset now) => UserId == userId && !Revoked && now < ExpiresAt;
    }
}
