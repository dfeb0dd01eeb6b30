using System.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Idempotency;

/// <summary>
/// Claims an idempotency key inside the request's own database transaction: the INSERT under the primary key
/// either succeeds (this request does the work, and the key and its response commit or roll back with it),
/// meets a committed record (replay or mismatch), or waits on an uncommitted one for at most
/// <see cref="IdempotencyOptions.InFlightWait"/> before reporting it in flight. Never check-then-insert.
/// </summary>
public sealed class IdempotencyStore(AppDbContext db, UnitOfWork unitOfWork, IOptions<IdempotencyOptions> options, TimeProvider timeProvider)
{
    public const int MaxKeyLength = 255;

    /// <summary>
    /// Claims the key and, when this request owns it, runs <paramref name="work"/> and commits its response with
    /// the key, all as one unit of EF Core's execution strategy: a transient fault before the work starts (most
    /// often a pooled connection the server killed, met by the first statement) is retried from the claim. Once
    /// the work has run, a fault is not retried here, because the work cannot run twice in one request; it is
    /// answered 503 (see <see cref="IdempotentWorkInterruptedException"/>) and the client's retry with the same
    /// key either replays the committed answer or, after a rollback, claims the key afresh.
    /// </summary>
    /// <param name="work">Runs the request inside the claim's transaction; returns the response to store, or null for a failure (rolled back).</param>
    public Task<IdempotencyClaim> RunAsync(
        string callerScope, string key, string requestHash, Func<CancellationToken, Task<StoredResponse?>> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            var claim = await ClaimAsync(callerScope, key, requestHash, token);
            if (claim.Outcome != IdempotencyOutcome.Owned)
            {
                return claim;
            }

            await using (claim)
            {
                try
                {
                    if (await work(token) is { } response)
                    {
                        await CompleteAsync(claim, callerScope, key, response, token);
                    }
                }
                catch (Exception ex) when (IsRetriedByStrategy(ex) || IsLostWithItsConnection(ex))
                {
                    throw new IdempotentWorkInterruptedException(ex);
                }
            }

            return claim;
        }, cancellationToken);

    /// <summary>
    /// The server ended the connection between two statements of the work (pg_terminate_backend, a restart): Npgsql
    /// closes the transaction with it, and the next statement is refused with an InvalidOperationException ("Transaction
    /// is already completed") rather than a connection error. Nothing was committed (the commit comes last), so it is
    /// as retryable as any broken connection. The fault-injection stage (scripts/faults.sh) found it as a 500, twice:
    /// the connection's state is what tells, since the claim's transaction may already be disposed by then.
    /// </summary>
    private bool IsLostWithItsConnection(Exception exception) =>
        exception is InvalidOperationException && db.Database.GetDbConnection().State != ConnectionState.Open;

    private static bool IsRetriedByStrategy(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or DbUpdateException { InnerException: NpgsqlException { IsTransient: true } }
        || DatabaseUnavailability.IsUnavailable(exception);

    private async Task<IdempotencyClaim> ClaimAsync(string callerScope, string key, string requestHash, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var waitMs = Math.Max(1, (int)options.Value.InFlightWait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', {waitMs}, true)", cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO idempotency_records (caller_scope, key, request_hash, created_at) VALUES ({callerScope}, {key}, {requestHash}, {now})",
                cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT set_config('lock_timeout', '0', true)", cancellationToken);
            return IdempotencyClaim.Owned(transaction);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.LockNotAvailable)
        {
            await transaction.RollbackAsync(cancellationToken);
            await transaction.DisposeAsync();
            if (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                return IdempotencyClaim.InFlight();
            }

            var existing = await db.Set<IdempotencyRecord>().AsNoTracking()
                .FirstAsync(r => r.CallerScope == callerScope && r.Key == key, cancellationToken);
            if (existing.CreatedAt < now - options.Value.Retention)
            {
                // Expired but not yet pruned: forget it and claim the key afresh.
                await db.Set<IdempotencyRecord>().Where(r => r.CallerScope == callerScope && r.Key == key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(cancellationToken);
                return await ClaimAsync(callerScope, key, requestHash, cancellationToken);
            }

            return existing.RequestHash == requestHash ? IdempotencyClaim.Replay(existing) : IdempotencyClaim.Mismatch();
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores the response with the key and commits it together with the work.</summary>
    private async Task CompleteAsync(IdempotencyClaim claim, string callerScope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await db.Set<IdempotencyRecord>()
            .Where(r => r.CallerScope == callerScope && r.Key == key)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.StatusCode, response.StatusCode)
                    .SetProperty(r => r.ResponseBody, response.Body)
                    .SetProperty(r => r.ResponseContentType, response.ContentType)
                    .SetProperty(r => r.Location, response.Location)
                    .SetProperty(r => r.ETag, response.ETag),
                cancellationToken);
        await claim.Transaction!.CommitAsync(cancellationToken);
        unitOfWork.Committed();
    }

    /// <summary>Deletes keys older than the retention; safe to run on any number of instances at once.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        return db.Set<IdempotencyRecord>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

public sealed record StoredResponse(int StatusCode, string Body, string? ContentType, string? Location, string? ETag);

public enum IdempotencyOutcome
{
    /// <summary>This request owns the key: do the work inside <see cref="IdempotencyClaim.Transaction"/>.</summary>
    Owned,

    /// <summary>The same key and body already completed: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The same key came with another body (422).</summary>
    Mismatch,

    /// <summary>The first request with this key is still running (409).</summary>
    InFlight,
}

public sealed class IdempotencyClaim : IAsyncDisposable
{
    private IdempotencyClaim(IdempotencyOutcome outcome, IDbContextTransaction? transaction, StoredResponse? response)
    {
        Outcome = outcome;
        Transaction = transaction;
        Response = response;
    }

    public IdempotencyOutcome Outcome { get; }
    public IDbContextTransaction? Transaction { get; }
    public StoredResponse? Response { get; }

    public static IdempotencyClaim Owned(IDbContextTransaction transaction) => new(IdempotencyOutcome.Owned, transaction, null);

    public static IdempotencyClaim Replay(IdempotencyRecord record) => new(
        IdempotencyOutcome.Replay,
        null,
        new StoredResponse(record.StatusCode ?? 200, record.ResponseBody ?? string.Empty, record.ResponseContentType, record.Location, record.ETag));

    public static IdempotencyClaim Mismatch() => new(IdempotencyOutcome.Mismatch, null, null);

    public static IdempotencyClaim InFlight() => new(IdempotencyOutcome.InFlight, null, null);

    /// <summary>Rolls back unless committed: a request that failed leaves its key unused.</summary>
    public ValueTask DisposeAsync() => Transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
