using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace OrderTracking.Infrastructure.Persistence;

public static class AppDbContextOptions
{
    /// <summary>How often a statement that met a transient fault (a killed pooled connection, a restart) is tried again.</summary>
    public const int MaxRetryCount = 3;

    /// <summary>
    /// The most statements EF Core sends in one batch (Npgsql's own default, written out because the unit of work relies
    /// on it: a save of no more changes than this is one batch, which PostgreSQL runs as one transaction).
    /// </summary>
    public const int MaxBatchSize = 1000;

    /// <summary>The longest pause between two tries: a request waits at most about this times the retry count.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The one description of how the context talks to PostgreSQL. Sensitive-data logging stays off: SQL
    /// parameters (customers' names, phones, addresses) never reach a log.
    /// </summary>
    /// <param name="retryOnFailure">False only for <see cref="StreamingReads"/>: a retrying context buffers whole results.</param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? connectionString, bool retryOnFailure = true) =>
        Configure(options.UseNpgsql(connectionString, npgsql => Configure(npgsql, retryOnFailure)));

    /// <summary>The same, on one of the application's pools (<see cref="DatabaseConnections"/>).</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DbDataSource dataSource, bool retryOnFailure = true) =>
        Configure(options.UseNpgsql(dataSource, npgsql => Configure(npgsql, retryOnFailure)));

    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql, bool retryOnFailure)
    {
        npgsql.MigrationsHistoryTable("__ef_migrations_history")
            .MaxBatchSize(MaxBatchSize)

            // One statement per query, its few owned items joined in. Npgsql buffers the whole result of every split
            // query (PostgreSQL has one active statement per connection), so a split default would buffer every read;
            // a query that would multiply two collections says AsSplitQuery() itself.
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery);

        // A pooled connection the server killed, or a restart of a second or two, is retried inside the
        // request. Work of several statements runs inside CreateExecutionStrategy(), which repeats all of it
        // (see UnitOfWork.SaveAsOneAsync).
        if (retryOnFailure)
        {
            npgsql.EnableRetryOnFailure(MaxRetryCount, MaxRetryDelay, errorCodesToAdd: null);
        }
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) =>
        options
            .UseSnakeCaseNamingConvention()
            .EnableSensitiveDataLogging(false)

            // A failed statement travels up as an exception and is logged once, where it is answered (the API's
            // exception handler, or the caller). EF Core's own error entries would log it two or three times more,
            // with stack traces, including the expected ones: an idempotency key's unique violation, a cancelled
            // request, the history table a fresh database does not have yet.
            .ConfigureWarnings(warnings => warnings.Log(
                (RelationalEventId.CommandError, LogLevel.Debug),
                (RelationalEventId.ConnectionError, LogLevel.Debug),
                (RelationalEventId.TransactionError, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug),
                (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}
