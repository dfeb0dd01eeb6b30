using OrderTracking.DemoData;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi;

public static class DatabaseStartup
{
    /// <summary>
    /// In Development (or when <c>Database:MigrateOnStartup</c> is true) applies migrations; in Development
    /// also seeds the demo data, under the migrations' advisory lock, so instances starting together seed once.
    /// Production runs the <c>migrate</c> verb instead and never gets demo accounts.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var isDevelopment = app.Environment.IsDevelopment();
        if (!isDevelopment && !app.Configuration.GetValue("Database:MigrateOnStartup", false))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var seeder = isDevelopment ? scope.ServiceProvider.GetRequiredService<DemoDataSeeder>() : null;
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping, seeder is null ? null : seeder.SeedAsync);
    }
}
