using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderTracking.Application.Common.Telemetry;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// OpenTelemetry, switched on by what is configured and off otherwise, so an instance nobody observes pays nothing
/// on its hot path: traces (HTTP, mediator requests, SQL, outgoing HTTP) and metrics exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables tune it); metrics scraped by Prometheus
/// at <c>/metrics</c> when <c>Metrics:PrometheusUrl</c> names a listening address of its own (e.g. <c>http://*:9464</c>).
/// <c>/metrics</c> is answered only on that address's port, never on the public one, and nothing else is served there.
/// </summary>
public static class Observability
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string PrometheusUrlKey = "Metrics:PrometheusUrl";
    public const string ServiceName = "order-tracking";

    /// <summary>Meters beside the product's own: SignalR's connection counts (ASP.NET Core's hosting meters come with its instrumentation).</summary>
    private static readonly string[] Meters = [OrderTrackingTelemetry.Name, "Microsoft.AspNetCore.Http.Connections"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var prometheusPort = PrometheusPort(configuration);
        if (!otlp && prometheusPort is null)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(Meters);
                if (prometheusPort is not null)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(http => http.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(OrderTrackingTelemetry.Name))
                .UseOtlpExporter();
        }

        if (prometheusPort is not null)
        {
            // Listen on the scrape address as well as the configured ones (ASPNETCORE_URLS, or its HTTP_PORTS form).
            var urls = configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured
                : configuration[WebHostDefaults.HttpPortsKey] is { Length: > 0 } ports ? string.Join(';', ports.Split(';').Select(port => $"http://*:{port}"))
                : "http://localhost:5000";
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries), configuration[PrometheusUrlKey]!]);
        }

        return builder;
    }

    /// <summary>First in the pipeline: the scrape port answers <c>/metrics</c> and nothing else.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        if (PrometheusPort(app.Configuration) is not { } port)
        {
            return app;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => context.Connection.LocalPort == port && context.Request.Path == "/metrics");
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static int? PrometheusPort(IConfiguration configuration) =>
        configuration[PrometheusUrlKey] is { Length: > 0 } url ? BindingAddress.Parse(url).Port : null;

    /// <summary>Health probes and scrapes run every few seconds and say nothing about a request: not traced.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
