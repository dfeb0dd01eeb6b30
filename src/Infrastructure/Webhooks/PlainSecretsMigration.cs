using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Webhooks;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// Encrypts signing secrets stored before they were protected: a plain secret starts with <c>whsec_</c>, which a Data
/// Protection payload never does. Runs after the schema migrations, under their lock; once every row is protected it
/// finds nothing to do.
/// </summary>
public sealed class PlainSecretsMigration(IWebhookSecretProtector secrets)
{
    public async Task<int> ProtectAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var plain = $"{WebhookSigningSecret.Prefix}%";
        var rows = await db.Database.SqlQuery<StoredSecrets>(
            $"""
            SELECT id, secret, previous_secret
            FROM webhook_endpoints WHERE secret LIKE {plain} OR previous_secret LIKE {plain}
            """).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var secret = Protect(row.Secret);
            var previous = row.PreviousSecret is { } stored ? Protect(stored) : null;
            await db.Database.ExecuteSqlAsync($"UPDATE webhook_endpoints SET secret = {secret}, previous_secret = {previous} WHERE id = {row.Id}", cancellationToken);
        }

        return rows.Count;
    }

    private string Protect(string stored) => stored.StartsWith(WebhookSigningSecret.Prefix, StringComparison.Ordinal) ? secrets.Protect(stored) : stored;

    private sealed record StoredSecrets(Guid Id, string Secret, string? PreviousSecret);
}
