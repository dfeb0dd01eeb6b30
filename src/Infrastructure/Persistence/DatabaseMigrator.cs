using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations under a PostgreSQL advisory lock, so several instances starting at once
/// migrate one after the other instead of racing; the later ones find nothing left to do.
/// </summary>
public sealed partial class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>An arbitrary constant that names this application's migration lock.</summary>
    private const long AdvisoryLockKey = 0x4F54_4D49_4752;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count());
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
