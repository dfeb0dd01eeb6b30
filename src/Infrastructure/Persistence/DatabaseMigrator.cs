using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderTracking.Infrastructure.Webhooks;

namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Applies pending migrations under a PostgreSQL advisory lock, so several instances starting at once
/// migrate one after the other instead of racing; the later ones find nothing left to do. Work that must not
/// race either (seeding the demo data) runs under the same lock, after the migrations. Data steps no SQL migration can
/// do follow the schema ones: signing secrets stored in plain text are encrypted (<see cref="PlainSecretsMigration"/>).
/// </summary>
public sealed partial class DatabaseMigrator(AppDbContext db, PlainSecretsMigration plainSecrets, ILogger<DatabaseMigrator> logger)
{
    /// <summary>An arbitrary constant that names this application's migration lock.</summary>
    private const long AdvisoryLockKey = 0x4F54_4D49_4752;

    /// <param name="cancellationToken">Stops waiting for the lock, or migrating.</param>
    /// <param name="thenUnderLock">Runs after the migrations, still holding the lock (for example the demo data seeder).</param>
    public async Task MigrateAsync(CancellationToken cancellationToken, Func<CancellationToken, Task>? thenUnderLock = null)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            // Waiting for another instance's migrations, and a migration on a large table, may take longer than the
            // statement timeout every other statement runs under; this session has none until it is done (the pool
            // resets a returned connection's settings).
            await db.Database.ExecuteSqlRawAsync("SET statement_timeout = 0", cancellationToken);

            // Another instance holds the lock for as long as its migrations and seeding take, which may exceed the
            // default command timeout on a busy machine: wait without one (the cancellation token still stops it).
            var commandTimeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            db.Database.SetCommandTimeout(commandTimeout);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
                LogMigrated(logger, (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Count());
                if (await plainSecrets.ProtectAsync(db, cancellationToken) is > 0 and var protectedSecrets)
                {
                    LogSecretsProtected(logger, protectedSecrets);
                }

                if (thenUnderLock is not null)
                {
                    await thenUnderLock(cancellationToken);
                }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted the signing secrets of {Endpoints} webhook endpoints stored in plain text")]
    private static partial void LogSecretsProtected(ILogger logger, int endpoints);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int applied);
}
