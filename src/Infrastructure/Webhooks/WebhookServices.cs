using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Infrastructure.Persistence.Repositories;

namespace OrderTracking.Infrastructure.Webhooks;

public static class WebhookServices
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName))
            .Validate<IHostEnvironment>(
                (webhooks, environment) => !environment.IsProduction() || !(webhooks.AllowLoopback || webhooks.AllowHttp),
                "Webhooks:AllowLoopback and Webhooks:AllowHttp are for development and tests only; they may not be set in Production.")
            .Validate(webhooks => webhooks.TimeoutSeconds is > 0 and <= 60, "Webhooks:TimeoutSeconds must be between 0 and 60.")
            .Validate(
                webhooks => webhooks is { MaxEndpointsPerOwner: >= 1, MaxInFlightPerEndpoint: >= 1, MaxInFlightPerOwner: >= 1, MaxConcurrentSends: >= 1 },
                "Webhooks:MaxEndpointsPerOwner, MaxInFlightPerEndpoint, MaxInFlightPerOwner and MaxConcurrentSends must be at least 1.")
            .Validate(webhooks => webhooks.AllowedPorts.All(port => port is > 0 and <= 65535), "Webhooks:AllowedPorts holds port numbers (1 to 65535).")
            .ValidateOnStart();
        services.AddSingleton<WebhookDestination>();
        services.AddSingleton<WebhookDeliverySignal>();
        services.AddSingleton<WebhookDeliveryMetrics>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<IWebhookSecretProtector, WebhookSecretProtector>();
        services.AddSingleton<PlainSecretsMigration>();
        services.AddScoped<IWebhookUrlGuard, WebhookUrlGuard>();
        services.AddScoped<IWebhookRepository, WebhookRepository>();
        services.AddHostedService<WebhookDeliveryWorker>();

        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false,
                UseCookies = false,
                ConnectCallback = provider.GetRequiredService<WebhookDestination>().ConnectAsync,

                // A pooled connection outlives the address check that opened it; renew both regularly.
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            })

            // The URL may carry a receiver's token in its query: the client's own request logs stay off.
            .RemoveAllLoggers()
            .AddResilienceHandler("webhook-attempt", (pipeline, context) => pipeline.AddTimeout(
                TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.TimeoutSeconds)));
        return services;
    }
}
