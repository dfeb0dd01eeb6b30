using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Npgsql's retrying strategy (transient connection and server faults), which also runs a transaction again when the
/// server ended its connection before the commit (<see cref="DatabaseConnectionLostException"/>).
/// </summary>
public sealed class RetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, AppDbContextOptions.MaxRetryCount, AppDbContextOptions.MaxRetryDelay, errorCodesToAdd: null)
{
    protected override bool ShouldRetryOn(Exception? exception) => exception is DatabaseConnectionLostException || base.ShouldRetryOn(exception);
}
