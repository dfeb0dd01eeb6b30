using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Idempotency;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// Claims idempotency keys inside the command's transaction: the INSERT under the primary key either takes the key
/// (this request does the work; the key and its result commit or roll back with it), meets a committed record (replay
/// or mismatch), or waits on an uncommitted one for at most <see cref="IdempotencyOptions.InFlightWait"/>, after which
/// the request is refused as in flight. Never check-then-insert.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db, IOptions<IdempotencyOptions> options, TimeProvider timeProvider) : IIdempotencyStore
{
    public async Task<IdempotencyClaim<TResult>> ClaimAsync<TResult>(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var waitMs = Math.Max(1, (int)options.Value.InFlightWait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        int inserted;
        try
        {
            // One round trip: the wait bound for this INSERT only (lock_timeout, local to the transaction, set back to
            // none for the work), and the INSERT, which skips a key another request has committed.
            inserted = await db.Database.ExecuteSqlAsync(
                $"""
                SELECT set_config('lock_timeout', {waitMs}, true);
                INSERT INTO idempotency_records (caller_scope, key, request_hash, created_at) VALUES ({key.CallerScope}, {key.Key}, {key.RequestHash}, {now})
                ON CONFLICT (caller_scope, key) DO NOTHING;
                SELECT set_config('lock_timeout', '0', true)
                """,
                cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            throw new IdempotentRequestInFlightException();
        }

        if (inserted == 1)
        {
            return new IdempotencyClaim<TResult>(IdempotencyOutcome.Owned);
        }

        var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstAsync(r => r.CallerScope == key.CallerScope && r.Key == key.Key, cancellationToken);
        if (existing.CreatedAt < now - options.Value.Retention)
        {
            // Expired but not yet pruned: forget it and claim the key afresh.
            await db.Set<IdempotencyRecord>().Where(r => r.CallerScope == key.CallerScope && r.Key == key.Key && r.CreatedAt == existing.CreatedAt)
                .ExecuteDeleteAsync(cancellationToken);
            return await ClaimAsync<TResult>(key, cancellationToken);
        }

        return existing.RequestHash == key.RequestHash
            ? new IdempotencyClaim<TResult>(IdempotencyOutcome.Replay, JsonSerializer.Deserialize(existing.ResponseBody!, TypeInfo<TResult>()))
            : new IdempotencyClaim<TResult>(IdempotencyOutcome.Mismatch);
    }

    public Task StoreResultAsync<TResult>(IdempotencyKey key, TResult result, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(result, TypeInfo<TResult>());
        return db.Set<IdempotencyRecord>()
            .Where(r => r.CallerScope == key.CallerScope && r.Key == key.Key)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ResponseBody, json), cancellationToken);
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
