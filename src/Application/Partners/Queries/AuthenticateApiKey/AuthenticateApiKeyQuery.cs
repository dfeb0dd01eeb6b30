using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Partners;

namespace OrderTracking.Application.Partners.Queries.AuthenticateApiKey;

/// <summary>
/// The partner an API key speaks for, or null when the key is malformed, unknown, revoked or its partner is
/// inactive (all alike to the caller). Reads the key on every request, so a revocation takes effect at once.
/// </summary>
public sealed record AuthenticateApiKeyQuery(string Key) : IQuery<Actor?>
{
    public override string ToString() => "AuthenticateApiKeyQuery";
}

public sealed class AuthenticateApiKeyQueryHandler(IPartnerRepository partners, IApiKeySecrets secrets, TimeProvider timeProvider)
    : IQueryHandler<AuthenticateApiKeyQuery, Actor?>
{
    public async ValueTask<Actor?> Handle(AuthenticateApiKeyQuery query, CancellationToken cancellationToken)
    {
        if (!ApiKeyFormat.TryParse(query.Key, out var publicId, out var secret)
            || await partners.FindKeyByPublicIdAsync(publicId, cancellationToken) is not { } found)
        {
            return null;
        }

        var (key, partner) = found;
        if (!secrets.Matches(secret, key.SecretHash) || key.IsRevoked || !partner.IsActive)
        {
            return null;
        }

        // lastUsedAt is kept to the minute: most requests read the key and write nothing.
        var now = timeProvider.GetUtcNow();
        if (key.UseIsWorthRecording(now))
        {
            await partners.RecordKeyUseAsync(key.Id, now, cancellationToken);
        }

        return partner.AsActor();
    }
}
