using OrderTracking.Domain.Users;

namespace OrderTracking.Application.Auth.Common;

/// <summary>The <c>Sessions</c> configuration section: refresh tokens and sign-in lockout.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Absolute lifetime of a sign-in, however often it is refreshed.</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>How long a just-spent refresh token still rotates, for two tabs refreshing at the same moment.</summary>
    public int RefreshReuseGraceSeconds { get; set; } = 10;

    /// <summary>
    /// How long an instance may reuse what it read of a user's session state (active, session version) before
    /// reading it again: the longest an account change can take to reach the access tokens seen by another instance.
    /// 0 reads the database on every request.
    /// </summary>
    public double AccessCheckCacheSeconds { get; set; } = 2;

    /// <summary>The most <see cref="AccessCheckCacheSeconds"/> may be: a change must end access within a few seconds.</summary>
    public const double MaxAccessCheckCacheSeconds = 5;

    public int LockoutMaxFailures { get; set; } = 5;
    public int LockoutWindowMinutes { get; set; } = 15;
    public int LockoutMinutes { get; set; } = 15;

    public LockoutPolicy Lockout => new(LockoutMaxFailures, TimeSpan.FromMinutes(LockoutWindowMinutes), TimeSpan.FromMinutes(LockoutMinutes));
}
