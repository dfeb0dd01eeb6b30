using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// An address a merchant's shop or a delivery partner's system gives us to be told about orders. Deliveries are
/// signed with the endpoint's secret; after a rotation the previous secret signs as well until the overlap ends, so
/// the receiver can switch without losing a delivery.
/// </summary>
public sealed class WebhookEndpoint
{
    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private List<string> _events = [];

    private WebhookEndpoint()
    {
        Url = string.Empty;
        Secret = string.Empty;
    }

    public Guid Id { get; private set; }
    public ActorType OwnerType { get; private set; }
    public Guid OwnerId { get; private set; }
    public string Url { get; private set; }
    public IReadOnlyList<string> Events => _events;
    public bool IsEnabled { get; private set; }
    public string Secret { get; private set; }
    public string? PreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public WebhookOwner Owner => new(OwnerType, OwnerId);

    /// <summary>A new, enabled endpoint. <paramref name="url"/> must already have passed <see cref="WebhookUrl"/> and the address check.</summary>
    public static WebhookEndpoint Create(WebhookOwner owner, string url, IEnumerable<string> events, string secret, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            OwnerType = owner.Type,
            OwnerId = owner.Id,
            Secret = secret,
            IsEnabled = true,
            CreatedAt = now,
        };
        endpoint.ChangeUrl(url, now);
        endpoint.Subscribe(events, now);
        return endpoint;
    }

    /// <summary>Whether <paramref name="actor"/> may see and change this endpoint: its merchant, or an admin for a partner's endpoint.</summary>
    public bool IsManagedBy(Actor actor) => actor.Type switch
    {
        ActorType.Merchant => OwnerType == ActorType.Merchant && OwnerId == actor.Id,
        ActorType.Admin => OwnerType == ActorType.Partner,
        _ => false,
    };

    public bool Wants(string eventType) => IsEnabled && _events.Contains(eventType, StringComparer.Ordinal);

    public void ChangeUrl(string url, DateTimeOffset now)
    {
        Url = Text.Required(url, WebhookUrl.MaxLength, nameof(Url)).Trim();
        UpdatedAt = now;
    }

    public void Subscribe(IEnumerable<string> events, DateTimeOffset now)
    {
        var chosen = events.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0 || !chosen.All(WebhookEventTypes.IsKnown))
        {
            throw new DomainValidationException(nameof(Events), $"Choose at least one of: {string.Join(", ", WebhookEventTypes.All)}.");
        }

        _events = WebhookEventTypes.All.Where(chosen.Contains).ToList();
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        IsEnabled = true;
        UpdatedAt = now;
    }

    /// <summary>No new deliveries are planned and pending ones wait until the endpoint is enabled again.</summary>
    public void Disable(DateTimeOffset now)
    {
        IsEnabled = false;
        UpdatedAt = now;
    }

    /// <summary>Replaces the secret; the current one keeps signing beside it for <see cref="RotationOverlap"/>.</summary>
    public void RotateSecret(string newSecret, DateTimeOffset now)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        Secret = newSecret;
        UpdatedAt = now;
    }

    /// <summary>The secrets a delivery sent at <paramref name="now"/> is signed with: the current one, then the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [Secret, previous] : [Secret];
}
