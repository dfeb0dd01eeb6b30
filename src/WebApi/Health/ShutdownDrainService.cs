using Microsoft.Extensions.Options;

namespace OrderTracking.WebApi.Health;

/// <summary>How long an instance keeps serving after SIGTERM while reporting not-ready (<c>Shutdown:DrainDelaySeconds</c>).</summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Shutdown";

    /// <summary>A few probe intervals of the load balancer, so it has stopped sending before the port closes.</summary>
    public int DrainDelaySeconds { get; set; } = 5;
}

/// <summary>
/// Shutdown for a load balancer: when the host is asked to stop (SIGTERM), <c>/health/ready</c> turns Unhealthy at
/// once, and the instance keeps serving for <see cref="ShutdownOptions.DrainDelaySeconds"/> so the balancer takes
/// it out of rotation; only then do the hosted services stop, Kestrel closes its port and drains the requests in
/// flight (bounded by <c>ShutdownTimeoutSeconds</c>). <see cref="IHostedLifecycleService.StoppingAsync"/> runs
/// before any hosted service's StopAsync, whatever the registration order.
/// </summary>
public sealed partial class ShutdownDrainService(
    InstanceReadiness readiness, IHostApplicationLifetime lifetime, IOptions<ShutdownOptions> options, ILogger<ShutdownDrainService> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(readiness.MarkDraining);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkDraining();
        var delay = TimeSpan.FromSeconds(Math.Max(0, options.Value.DrainDelaySeconds));
        if (delay > TimeSpan.Zero)
        {
            LogDraining(logger, delay.TotalSeconds);
            await Task.Delay(delay, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: reporting not ready and serving for {Seconds} s more before closing the port")]
    private static partial void LogDraining(ILogger logger, double seconds);
}
