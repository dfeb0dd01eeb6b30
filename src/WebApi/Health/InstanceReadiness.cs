using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace OrderTracking.WebApi.Health;

/// <summary>
/// Whether this instance wants traffic from the load balancer: not until it has warmed up (<see cref="WarmUpService"/>),
/// and not from the moment it is asked to stop (<see cref="ShutdownDrainService"/>). Warming up and draining are
/// steps of an instance's life, not failures, so they gate <c>/health/ready</c> in front of the health checks rather
/// than being one: the health check service logs every Unhealthy result at error level, and a normal start, probed
/// by <c>run.sh</c> or a load balancer every second, would fill the log with failures that are none.
/// </summary>
public sealed class InstanceReadiness
{
    private volatile string? _notReadyBecause = "warming up";
    private volatile bool _draining;

    /// <summary>Why the instance does not want traffic yet or any more; null when it does.</summary>
    public string? NotReadyBecause => _notReadyBecause;

    public void MarkWarm()
    {
        if (!_draining)
        {
            _notReadyBecause = null;
        }
    }

    public void MarkDraining()
    {
        _draining = true;
        _notReadyBecause = "shutting down";
    }
}

public static class ReadinessEndpoint
{
    /// <summary>
    /// <c>/health/ready</c>: 503 "Unhealthy: warming up" (or "shutting down") while the instance is not ready, without
    /// running the checks; once it is, the checks tagged "ready" (the database, the Redis backplane) decide.
    /// </summary>
    public static void MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        var readiness = endpoints.ServiceProvider.GetRequiredService<InstanceReadiness>();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .Add(endpoint =>
            {
                var checks = endpoint.RequestDelegate!;
                endpoint.RequestDelegate = context => readiness.NotReadyBecause is { } reason ? NotReadyAsync(context, reason) : checks(context);
            });
    }

    private static Task NotReadyAsync(HttpContext context, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store, no-cache";
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync($"Unhealthy: {reason}");
    }
}
