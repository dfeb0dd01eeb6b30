using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// An address a merchant's shop or a delivery partner's system gives us to be told about orders. Deliveries are
/// signed with the endpoint's secret; after a rotation the previous secret signs as well until the overlap ends, so
/// the receiver can switch without losing a delivery. The secrets are held only in their protected (encrypted) form:
/// the domain never sees them in the clear.
/// </summary>
public sealed class WebhookEndpoint
{
    /// <summary>How long a rotated-out secret keeps signing beside the new one.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    private List<string> _events = [];

    private WebhookEndpoint()
    {
        Url = string.Empty;
        ProtectedSecret = string.Empty;
    }

    public Guid Id { get; private set; }
    public ActorType OwnerType { get; private set; }
    public Guid OwnerId { get; private set; }

    /// <summary>
    /// Which of its owner's places the endpoint takes, from 1 to the owner's limit; unique per owner, so two endpoints
    /// created at once can never both take the last place.
    /// </summary>
    public int Slot { get; private set; }

    public string Url { get; private set; }
    public IReadOnlyList<string> Events => _events;
    public bool IsEnabled { get; private set; }

    /// <summary>Why the endpoint is disabled; null while it is enabled.</summary>
    public WebhookDisabledReason? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>Since when every attempt to this endpoint has failed; null after a success.</summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>The signing secret, protected (encrypted) by the application; only the sender unprotects it.</summary>
    public string ProtectedSecret { get; private set; }

    public string? ProtectedPreviousSecret { get; private set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public WebhookOwner Owner => new(OwnerType, OwnerId);

    /// <summary>
    /// A new, enabled endpoint in <paramref name="slot"/> of its owner's places. <paramref name="url"/> must already have
    /// passed <see cref="WebhookUrl"/> and the address check.
    /// </summary>
    public static WebhookEndpoint Create(WebhookOwner owner, int slot, string url, IEnumerable<string> events, string protectedSecret, DateTimeOffset now)
    {
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(now),
            OwnerType = owner.Type,
            OwnerId = owner.Id,
            Slot = slot,
            ProtectedSecret = protectedSecret,
            IsEnabled = true,
            CreatedAt = now,
        };
        endpoint.ChangeUrl(url, now);
        endpoint.Subscribe(events, now);
        return endpoint;
    }

    /// <summary>
    /// The lowest free place of an owner's <paramref name="limit"/>, given the places its endpoints take; null when
    /// every place is taken.
    /// </summary>
    public static int? FreeSlot(IReadOnlyCollection<int> taken, int limit) =>
        taken.Count >= limit ? null : Enumerable.Range(1, limit).Cast<int?>().FirstOrDefault(slot => !taken.Contains(slot!.Value));

    /// <summary>
    /// Whether <paramref name="actor"/> may change this endpoint's address and events, rotate its secret, and send to
    /// it (tests, resends): its merchant, or an admin for a partner's endpoint. An admin never gets a merchant's secret.
    /// </summary>
    public bool IsManagedBy(Actor actor) => actor.Type switch
    {
        ActorType.Merchant => OwnerType == ActorType.Merchant && OwnerId == actor.Id,
        ActorType.Admin => OwnerType == ActorType.Partner,
        _ => false,
    };

    /// <summary>Whether <paramref name="actor"/> may see this endpoint and its log, enable, disable or delete it: whoever manages it, and any admin.</summary>
    public bool IsOverseenBy(Actor actor) => IsManagedBy(actor) || actor.Type == ActorType.Admin;

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

    /// <summary>Enabled again: deliveries that waited are sent, and the failure count starts afresh.</summary>
    public void Enable(DateTimeOffset now)
    {
        IsEnabled = true;
        DisabledReason = null;
        DisabledAt = null;
        FailingSince = null;
        UpdatedAt = now;
    }

    /// <summary>No new deliveries are planned and pending ones wait until the endpoint is enabled again.</summary>
    public void Disable(WebhookDisabledReason reason, DateTimeOffset now)
    {
        if (!IsEnabled)
        {
            return;
        }

        IsEnabled = false;
        DisabledReason = reason;
        DisabledAt = now;
        UpdatedAt = now;
    }

    /// <summary>An attempt was accepted: the endpoint is healthy again.</summary>
    public void AttemptSucceeded() => FailingSince = null;

    /// <summary>
    /// An attempt failed. When every attempt since the first of this run of failures failed for
    /// <paramref name="disableAfter"/>, the endpoint is disabled (<see cref="WebhookDisabledReason.KeptFailing"/>).
    /// </summary>
    public void AttemptFailed(TimeSpan disableAfter, DateTimeOffset now)
    {
        FailingSince ??= now;
        if (now - FailingSince >= disableAfter)
        {
            Disable(WebhookDisabledReason.KeptFailing, now);
        }
    }

    /// <summary>Replaces the secret; the current one keeps signing beside it for <see cref="RotationOverlap"/>.</summary>
    public void RotateSecret(string newProtectedSecret, DateTimeOffset now)
    {
        ProtectedPreviousSecret = ProtectedSecret;
        PreviousSecretExpiresAt = now + RotationOverlap;
        ProtectedSecret = newProtectedSecret;
        UpdatedAt = now;
    }

    /// <summary>The (protected) secrets a delivery sent at <paramref name="now"/> is signed with: the current one, then the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        ProtectedPreviousSecret is { } previous && PreviousSecretExpiresAt > now ? [ProtectedSecret, previous] : [ProtectedSecret];
}
