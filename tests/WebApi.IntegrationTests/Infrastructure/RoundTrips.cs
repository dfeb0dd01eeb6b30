using System.Data.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the database round trips of one request's action, as Npgsql makes them: every command (a batch of
/// statements is one), every COMMIT, ROLLBACK, RELEASE SAVEPOINT and ROLLBACK TO SAVEPOINT. BEGIN and SAVEPOINT are not
/// round trips: Npgsql sends them along with the next command. Only the work of a request that carries
/// <see cref="HeaderName"/> is counted, from the first MVC filter on (so not the authentication middleware's session
/// check, cached per user), and not the background work it wakes (the outbox dispatcher runs in its own flow).
/// </summary>
public sealed class RoundTrips : IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string HeaderName = "X-Count-Round-Trips";

    private static readonly AsyncLocal<Tally?> Current = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Tally> _tallies = new();

    /// <summary>What the request sent with <paramref name="id"/> in <see cref="HeaderName"/> cost, statement by statement.</summary>
    public IReadOnlyList<string> Of(string id) => _tallies.TryGetValue(id, out var tally) ? tally.Snapshot() : [];

    /// <summary>The MVC filter that starts counting for a request that asks for it; runs before every other filter.</summary>
    public IAsyncResourceFilter Filter() => new CountingFilter(this);

    private static void Count(string what) => Current.Value?.Add(what);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command.CommandText);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count("COMMIT");
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionRollingBackAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count("ROLLBACK");
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> ReleasingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count("RELEASE SAVEPOINT");
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> RollingBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count("ROLLBACK TO SAVEPOINT");
        return ValueTask.FromResult(result);
    }

    private sealed class Tally
    {
        private readonly List<string> _statements = [];

        public void Add(string statement)
        {
            lock (_statements)
            {
                _statements.Add(statement);
            }
        }

        public IReadOnlyList<string> Snapshot()
        {
            lock (_statements)
            {
                return [.. _statements];
            }
        }
    }

    private sealed class CountingFilter(RoundTrips owner) : IAsyncResourceFilter, IOrderedFilter
    {
        public int Order => int.MinValue;

        public Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            if (context.HttpContext.Request.Headers.TryGetValue(HeaderName, out var id))
            {
                Current.Value = owner._tallies.GetOrAdd(id.ToString(), _ => new Tally());
            }

            return next();
        }
    }
}
