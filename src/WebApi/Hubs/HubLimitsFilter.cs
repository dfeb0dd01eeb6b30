using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Bounds what anyone can make the hub do: connections without a signed-in user per client address (on this
/// instance) and method calls per connection. Over a limit the caller gets a <see cref="HubException"/> saying so;
/// other connections, and the subscriptions this one already has, carry on.
/// </summary>
public sealed class HubLimitsFilter : IHubFilter, IDisposable
{
    private static readonly object HeldAddressKey = new();

    private readonly RateLimits.Options _limits;
    private readonly PartitionedRateLimiter<string> _invocations;
    private readonly Dictionary<string, int> _anonymousConnections = [];

    public HubLimitsFilter(IOptions<RateLimits.Options> options)
    {
        _limits = options.Value;
        var limit = _limits.HubInvocations;
        _invocations = PartitionedRateLimiter.Create<string, string>(connectionId => RateLimitPartition.GetFixedWindowLimiter(connectionId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        }));
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var connection = context.Context;
        if (connection.User?.Identity?.IsAuthenticated != true && connection.GetHttpContext() is { } http)
        {
            var address = RateLimits.ClientAddress(http);
            if (!TryHoldAnonymousSlot(address))
            {
                throw new HubException(
                    $"Too many live connections from your address without signing in (at most {_limits.AnonymousHubConnectionsPerAddress}). Close another tracking page, or sign in.");
            }

            connection.Items[HeldAddressKey] = address;
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        finally
        {
            if (context.Context.Items.TryGetValue(HeldAddressKey, out var held) && held is string address)
            {
                ReleaseAnonymousSlot(address);
            }
        }
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var lease = _invocations.AttemptAcquire(invocationContext.Context.ConnectionId);
        if (!lease.IsAcquired)
        {
            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : _limits.HubInvocations.WindowSeconds;
            throw new HubException($"Too many calls on this connection (at most {_limits.HubInvocations.PermitLimit} in {_limits.HubInvocations.WindowSeconds} seconds). Try again in {wait} seconds.");
        }

        return await next(invocationContext);
    }

    public void Dispose() => _invocations.Dispose();

    private bool TryHoldAnonymousSlot(string address)
    {
        lock (_anonymousConnections)
        {
            var held = _anonymousConnections.GetValueOrDefault(address);
            if (held >= _limits.AnonymousHubConnectionsPerAddress)
            {
                return false;
            }

            _anonymousConnections[address] = held + 1;
            return true;
        }
    }

    private void ReleaseAnonymousSlot(string address)
    {
        lock (_anonymousConnections)
        {
            if (_anonymousConnections.TryGetValue(address, out var held) && held > 1)
            {
                _anonymousConnections[address] = held - 1;
            }
            else
            {
                _anonymousConnections.Remove(address);
            }
        }
    }
}
