using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// Keeps idempotency keys with the work of their command: the record (key, fingerprint, result) is added to the unit of
/// work and saved in the command's one batch under the primary key <c>(caller_scope, key)</c>. A second request with
/// the key fails there (waiting, if the first batch is still running, for it to end) and finds the committed record
/// afterwards: replay or mismatch. Never check-then-insert.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db, IOptions<IdempotencyOptions> options, TimeProvider timeProvider) : IIdempotencyStore
{
    public void Keep<TResult>(IdempotencyKey key, TResult result) =>
        db.Add(new IdempotencyRecord
        {
            CallerScope = key.CallerScope,
            Key = key.Key,
            RequestHash = key.RequestHash,
            ResponseBody = JsonSerializer.Serialize(result, TypeInfo<TResult>()),
            CreatedAt = timeProvider.GetUtcNow(),
        });

    public async Task<IdempotencyClaim<TResult>> FindAsync<TResult>(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.CallerScope == key.CallerScope && r.Key == key.Key, cancellationToken);
        if (existing is null)
        {
            return new IdempotencyClaim<TResult>(IdempotencyOutcome.Unused);
        }

        if (existing.CreatedAt < timeProvider.GetUtcNow() - options.Value.Retention)
        {
            // Expired but not yet pruned: forget it, so the key can be used afresh.
            await db.Set<IdempotencyRecord>().Where(r => r.CallerScope == key.CallerScope && r.Key == key.Key && r.CreatedAt == existing.CreatedAt)
                .ExecuteDeleteAsync(cancellationToken);
            return new IdempotencyClaim<TResult>(IdempotencyOutcome.Unused);
        }

        return existing.RequestHash == key.RequestHash
            ? new IdempotencyClaim<TResult>(IdempotencyOutcome.Replay, JsonSerializer.Deserialize(existing.ResponseBody!, TypeInfo<TResult>()))
            : new IdempotencyClaim<TResult>(IdempotencyOutcome.Mismatch);
    }

    /// <summary>Deletes keys older than the retention; safe to run on any number of instances at once.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static JsonTypeInfo<TResult> TypeInfo<TResult>() =>
        StoredResultsJson.Default.GetTypeInfo(typeof(TResult)) as JsonTypeInfo<TResult>
        ?? throw new InvalidOperationException($"{typeof(TResult).Name} is not a result the idempotency store can keep: add it to {nameof(StoredResultsJson)}.");
}

/// <summary>
/// The results of identified commands, as JSON: the API's own shape (camelCase, enums by name), so a record stored as
/// the HTTP body by an earlier version replays unchanged.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrderDto))]
internal sealed partial class StoredResultsJson : JsonSerializerContext;
