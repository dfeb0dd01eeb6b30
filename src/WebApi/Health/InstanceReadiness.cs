using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrderTracking.WebApi.Health;

/// <summary>
/// Whether this instance wants traffic from the load balancer: not until it has warmed up (<see cref="WarmUpService"/>),
/// and not from the moment it is asked to stop (<see cref="ShutdownDrainService"/>). Part of <c>/health/ready</c>.
/// </summary>
public sealed class InstanceReadiness : IHealthCheck
{
    private volatile string? _notReadyBecause = "warming up";
    private volatile bool _draining;

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

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_notReadyBecause is { } reason ? HealthCheckResult.Unhealthy($"Instance {reason}") : HealthCheckResult.Healthy());
}
