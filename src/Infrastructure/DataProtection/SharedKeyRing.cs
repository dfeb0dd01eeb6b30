using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.DataProtection;

public static class SharedKeyRing
{
    /// <summary>
    /// Fixed, so every instance (and the <c>migrate</c> verb) derives the same protectors whatever its content root or
    /// container: Data Protection otherwise isolates applications by their path.
    /// </summary>
    public const string ApplicationName = "OrderTracking";

    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in the database (<c>data_protection_keys</c>), so whatever one
    /// instance protects every other can read, and keys survive restarts and redeploys.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
