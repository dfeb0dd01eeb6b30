using Microsoft.EntityFrameworkCore;

namespace OrderTracking.Infrastructure.Persistence;

public static class AppDbContextOptions
{
    /// <summary>
    /// The one description of how the context talks to PostgreSQL. Sensitive-data logging stays off: SQL
    /// parameters (customers' names, phones, addresses) never reach a log.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string? connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")

                // An order loads its items and its history: two queries beat one cartesian product.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention()
            .EnableSensitiveDataLogging(false);
}
