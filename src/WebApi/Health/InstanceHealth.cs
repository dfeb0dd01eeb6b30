using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.WebApi.Health;

/// <summary>
/// <c>/health/ready</c> is Healthy only while the database answers and this instance is warmed up and not
/// shutting down; <c>/health/live</c> only says the process serves HTTP.
/// </summary>
public static class InstanceHealth
{
    public static IServiceCollection AddInstanceHealth(this IServiceCollection services, IConfiguration configuration)
    {
        // On SIGTERM, stop taking new requests and let the ones in flight finish (up to this long).
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("ShutdownTimeoutSeconds", 30)));
        services.AddSingleton<InstanceReadiness>();
        services.AddHostedService<WarmUpService>();
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName);
        services.AddHostedService<ShutdownDrainService>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapInstanceHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapReadiness();
        return app;
    }
}
