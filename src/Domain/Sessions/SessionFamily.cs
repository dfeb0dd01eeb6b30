namespace OrderTracking.Domain.Sessions;

/// <summary>
/// One sign-in and every refresh token rotated from it. Revoking the family ends the session everywhere;
/// it also expires a fixed time after the sign-in, however often it is refreshed.
/// </summary>
public sealed class SessionFamily
{
    private SessionFamily()
    {
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public SessionRevocationReason? RevocationReason { get; private set; }

    public static SessionFamily Start(Guid userId, DateTimeOffset now, TimeSpan absoluteLifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now + absoluteLifetime,
    };

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(SessionRevocationReason reason, DateTimeOffset now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            RevocationReason = reason;
        }
    }

    /// <summary>
    /// Decides what presenting <paramref name="token"/> of this family at <paramref name="now"/> means. A token
    /// spent within <paramref name="grace"/> gets the successor it was spent for again (two tabs refreshing at once);
    /// a token spent before that is being replayed, so the whole family is revoked.
    /// </summary>
    public RefreshOutcome Redeem(RefreshToken token, DateTimeOffset now, TimeSpan grace)
    {
        if (token.FamilyId != Id || !IsUsable(now))
        {
            return RefreshOutcome.Refused;
        }

        if (token.SpentAt is { } spentAt)
        {
            if (now - spentAt <= grace)
            {
                return RefreshOutcome.RepeatSuccessor;
            }

            Revoke(SessionRevocationReason.TokenReuse, now);
            return RefreshOutcome.ReuseDetected;
        }

        token.Spend(now);
        return RefreshOutcome.Rotate;
    }
}
