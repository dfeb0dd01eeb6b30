using OrderTracking.Application;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.DemoData;
using OrderTracking.Infrastructure;
using OrderTracking.WebApi.Health;
using OrderTracking.WebApi.Http;
using OrderTracking.WebApi.Hubs;
using OrderTracking.WebApi.Idempotency;
using OrderTracking.WebApi.LiveMap;
using OrderTracking.WebApi.OpenApi;
using OrderTracking.WebApi.Security;
using OrderTracking.WebApi.Telemetry;

namespace OrderTracking.WebApi;

/// <summary>The composition root: every service the WebApi runs with, and the order of its middleware.</summary>
public static class OrderTrackingServices
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddOrderTrackingServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.AddObservability();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        if (builder.Environment.IsDevelopment())
        {
            services.AddDemoData();
        }

        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Read by Mediator's source generator at compile time, so the list must be written out here.
            // Order matters, outermost first: trace, log, then authorize, then validate, then the transaction (commands)
            // or the whole-query retry (queries), then the handler: a refused or invalid command never opens a
            // transaction or claims a key.
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
                typeof(QueryRetryBehaviour<,>),
            ];
        });

        services.AddLiveUpdates(configuration);
        services.AddLiveMapWeb(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddScoped<IdempotencyRequest>();
        services.AddScoped<IIdempotencyKeySource>(provider => provider.GetRequiredService<IdempotencyRequest>());

        services.AddHttpApi();
        services.AddUserAndPartnerAuthentication(builder.Environment);
        services.AddTrustedProxies(configuration);
        services.AddOrderTrackingRateLimits(configuration);
        services.AddStrictTransportSecurity();
        services.AddCrossOriginPolicy();
        services.AddInstanceHealth(configuration);
        services.AddApiDocument();
        return builder;
    }

    public static WebApplication UseOrderTrackingPipeline(this WebApplication app)
    {
        app.UseMetricsEndpoint();
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStrictTransportSecurity();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes);
        app.UseApiDocument();

        app.UseClientApp();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<SessionStateCheck>();
        app.UseOrderTrackingRateLimits();
        app.UseAuthorization();

        app.MapControllers();

        // A connection ends when its access token expires; clients reconnect with a renewed token.
        app.MapHub<OrdersHub>(OrdersHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        app.MapInstanceHealth();
        app.MapUnknownApiRoutes();
        app.MapClientAppFallback();
        return app;
    }
}
