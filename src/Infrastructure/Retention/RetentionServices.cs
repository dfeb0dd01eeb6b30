using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderTracking.Infrastructure.Retention;

public static class RetentionServices
{
    /// <summary>The retention job and the rules of this layer; other rules register with <c>AddScoped&lt;IRetentionRule, TRule&gt;()</c>.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName))
            .Validate(
                retention => retention.Interval > TimeSpan.Zero && retention.WebhookDeliveryDays >= 1 && retention.BatchSize >= 1,
                "Retention:Interval must be positive, Retention:WebhookDeliveryDays and Retention:BatchSize at least 1.")
            .ValidateOnStart();
        services.AddSingleton<RetentionWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionWorker>());

        services.AddScoped<IRetentionRule, FinishedWebhookDeliveries>();
        services.AddScoped<IRetentionRule, EndedSessions>();
        services.AddScoped<IRetentionRule, ExpiredPreviousWebhookSecrets>();
        services.AddScoped<IRetentionRule, ExpiredIdempotencyKeys>();
        return services;
    }
}
