using System.Net;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderTracking.Application.Common.Telemetry;

namespace OrderTracking.WebApi.Telemetry;

/// <summary>
/// OpenTelemetry, switched on by what is configured and off otherwise, so an instance nobody observes pays nothing
/// on its hot path: traces (HTTP, mediator requests, SQL, outgoing HTTP) and metrics exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables tune it); metrics scraped by Prometheus
/// at <c>/metrics</c> when <c>Metrics:Port</c> names a port of its own, which listens on <c>Metrics:ListenAddress</c>
/// only (loopback unless configured: the scrape has no authentication). <c>/metrics</c> is answered only on that
/// port, never on the public one, and nothing else is served there.
/// </summary>
public static class Observability
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsPortKey = "Metrics:Port";
    public const string MetricsListenAddressKey = "Metrics:ListenAddress";
    public const string ServiceName = "order-tracking";

    /// <summary>The scrape port's interface unless configured: only this host can read the metrics.</summary>
    public const string DefaultMetricsListenAddress = "127.0.0.1";

    /// <summary>The former setting: it bound every interface by example, so it is refused rather than read.</summary>
    private const string RetiredPrometheusUrlKey = "Metrics:PrometheusUrl";

    /// <summary>Meters beside the product's own: SignalR's connection counts (ASP.NET Core's hosting meters come with its instrumentation).</summary>
    private static readonly string[] Meters = [OrderTrackingTelemetry.Name, "Microsoft.AspNetCore.Http.Connections"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!string.IsNullOrEmpty(configuration[RetiredPrometheusUrlKey]))
        {
            throw new InvalidOperationException(
                "Metrics:PrometheusUrl is no longer read: set Metrics:Port (e.g. 9464), and Metrics:ListenAddress when the scrape must come from another host (default 127.0.0.1).");
        }

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
            builder.WebHost.UseUrls([.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries), ScrapeUrl(configuration[MetricsListenAddressKey], prometheusPort.Value)]);
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
        configuration[MetricsPortKey] is { Length: > 0 } ? configuration.GetValue<int>(MetricsPortKey) : null;

    /// <summary>The scrape port on the configured interface: an IP address, <c>0.0.0.0</c> or <c>::</c> for all of them.</summary>
    private static string ScrapeUrl(string? configuredAddress, int port)
    {
        var address = configuredAddress is { Length: > 0 } ? configuredAddress : DefaultMetricsListenAddress;
        if (!IPAddress.TryParse(address, out var ip))
        {
            throw new InvalidOperationException($"Metrics:ListenAddress must be an IP address (127.0.0.1, 10.0.0.5, 0.0.0.0 for every interface), not '{address}'.");
        }

        return $"http://{new IPEndPoint(ip, port)}";
    }

    /// <summary>Health probes and scrapes run every few seconds and say nothing about a request: not traced.</summary>
    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");
}
