namespace OrderTracking.Domain.Partners;

/// <summary>
/// One API key of a delivery partner. Only a hash of the secret is kept; the full key is shown once, when it is
/// issued. A partner may hold several active keys so it can rotate without downtime.
/// </summary>
public sealed class PartnerApiKey
{
    public const int MaxNameLength = 100;

    /// <summary>How stale <see cref="LastUsedAt"/> may get before a use writes it again.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private PartnerApiKey()
    {
        Name = string.Empty;
        PublicId = string.Empty;
        SecretHash = [];
    }

    public Guid Id { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Name { get; private set; }

    /// <summary>The non-secret part of the key that finds it (<c>otp_&lt;PublicId&gt;_…</c>).</summary>
    public string PublicId { get; private set; }

    public byte[] SecretHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The prefix shown in lists, enough to tell keys apart without revealing anything secret.</summary>
    public string Prefix => ApiKeyFormat.PrefixFor(PublicId);

    public static PartnerApiKey Issue(Guid partnerId, string name, string publicId, byte[] secretHash, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new Common.DomainValidationException(nameof(Name), $"A key name is required and at most {MaxNameLength} characters.");
        }

        return new PartnerApiKey
        {
            Id = Guid.CreateVersion7(now),
            PartnerId = partnerId,
            Name = name.Trim(),
            PublicId = publicId,
            SecretHash = secretHash,
            CreatedAt = now,
        };
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Whether a use at <paramref name="now"/> should be recorded (the last one recorded is older than the precision).</summary>
    public bool UseIsWorthRecording(DateTimeOffset now) => LastUsedAt is null || now - LastUsedAt >= LastUsedPrecision;
}
