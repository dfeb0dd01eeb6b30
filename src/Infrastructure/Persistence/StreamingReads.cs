using Microsoft.EntityFrameworkCore;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Contexts for reads that stream rows as they arrive (the CSV export): the application's context retries transient
/// faults, and EF Core then reads a query's whole result before handing out the first row, so that it could run it
/// again. These contexts do not retry, and take their connection from the exports' own small pool
/// (<see cref="DatabaseConnections.Exports"/>); the options are built once.
/// </summary>
public sealed class StreamingReads(DatabaseConnections connections)
{
    private readonly Lazy<DbContextOptions<AppDbContext>> _options = new(() => (DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(
        new DbContextOptionsBuilder<AppDbContext>(), connections.Exports, retryOnFailure: false).Options);

    /// <summary>A new context of its own; the caller disposes it.</summary>
    public AppDbContext CreateContext() => new(_options.Value);
}
