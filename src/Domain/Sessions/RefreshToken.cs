namespace OrderTracking.Domain.Sessions;

/// <summary>One refresh token of a <see cref="SessionFamily"/>: only its hash is kept, and it can be spent once.</summary>
public sealed class RefreshToken
{
    /// <summary>The longest refresh token a client may present; ours are 43 characters (256 bits, base64url).</summary>
    public const int MaxPresentedLength = 200;

    private RefreshToken()
    {
        TokenHash = [];
    }

    public Guid Id { get; private set; }
    public Guid FamilyId { get; private set; }
    public byte[] TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SpentAt { get; private set; }

    public static RefreshToken Issue(SessionFamily family, byte[] tokenHash, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FamilyId = family.Id,
        TokenHash = tokenHash,
        CreatedAt = now,
    };

    internal void Spend(DateTimeOffset now) => SpentAt ??= now;
}
