using Microsoft.AspNetCore.Cors.Infrastructure;
using OrderTracking.WebApi.Idempotency;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Which browser origins may call the API with credentials (the refresh cookie), and which answer headers their
/// scripts may read. The origins are read when the options are built, so configuration set by a host (tests) applies.
/// </summary>
public static class CrossOriginPolicy
{
    public static IServiceCollection AddCrossOriginPolicy(this IServiceCollection services)
    {
        services.AddCors();
        services.AddOptions<CorsOptions>()
            .Configure<IConfiguration, IWebHostEnvironment>((cors, config, environment) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(AllowedOrigins(config, environment))
                .AllowAnyHeader()
                .AllowAnyMethod()
                .AllowCredentials()
                .WithExposedHeaders("ETag", "Location", "Retry-After", IdempotencyFilter.ReplayedHeaderName)));
        return services;
    }

    /// <summary>Origins allowed to call the API from a browser: <c>Cors:AllowedOrigins</c>, plus the Vite dev server in Development.</summary>
    private static string[] AllowedOrigins(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return environment.IsDevelopment() ? [.. configured, "http://localhost:5173"] : configured;
    }
}
