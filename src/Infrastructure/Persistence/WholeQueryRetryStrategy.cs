using Microsoft.EntityFrameworkCore;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// The retries of a whole query (<see cref="UnitOfWork.RetryingAsync{T}"/>): Npgsql's transient faults, EF Core's back-off
/// and the context's retry limit, but it answers "no" to <see cref="RetriesOnFailure"/>. EF Core asks the strategy that
/// is running when it compiles a query whether it retries, and a query compiled under one that says yes reads its whole
/// result into a buffer before the first row (<c>BufferedDataReader</c>), so that one statement could be run again. Here
/// the whole query runs again instead, so its rows are read as they arrive (ADR 0046).
/// </summary>
/// <remarks>
/// The answer also turns off EF Core's refusal to start inside a transaction the caller opened; a query opens none.
/// Commands keep the context's own strategy (<see cref="UnitOfWork.SaveAsOneAsync{T}"/>).
/// </remarks>
internal sealed class WholeQueryRetryStrategy(DbContext context)
    : NpgsqlRetryingExecutionStrategy(context, AppDbContextOptions.MaxRetryCount, AppDbContextOptions.MaxRetryDelay, errorCodesToAdd: null)
{
    public override bool RetriesOnFailure => false;
}
