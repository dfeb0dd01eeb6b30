using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// Reads a user's session state with one indexed primary-key query and keeps it in this instance's memory for
/// <see cref="SessionOptions.AccessCheckCacheSeconds"/> (absolute, never renewed), so a change made on another
/// instance is seen within that time; the instance that makes the change forgets its copy at once.
/// </summary>
public sealed class UserSessionCheck(AppDbContext db, IMemoryCache cache, IOptions<SessionOptions> options) : IUserSessionCheck
{
    public async ValueTask<bool> IsCurrentAsync(Guid userId, int sessionVersion, CancellationToken cancellationToken)
    {
        var key = CacheKey(userId);
        if (!cache.TryGetValue(key, out UserSessionState? state))
        {
            // A user that does not exist is cached too (as null), so a flood of tokens for one unknown id costs one query.
            state = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new UserSessionState(u.IsActive, u.SessionVersion))
                .FirstOrDefaultAsync(cancellationToken);
            var lifetime = TimeSpan.FromSeconds(options.Value.AccessCheckCacheSeconds);
            if (lifetime > TimeSpan.Zero)
            {
                cache.Set(key, state, lifetime);
            }
        }

        return state?.Accepts(sessionVersion) == true;
    }

    public void Forget(Guid userId) => cache.Remove(CacheKey(userId));

    private static string CacheKey(Guid userId) => $"user-session-state:{userId}";
}
