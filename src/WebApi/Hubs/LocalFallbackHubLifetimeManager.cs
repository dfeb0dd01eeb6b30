using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Keeps live updates working within the instance while Redis is away. Every connection and group membership is
/// kept by a local manager as well as by the Redis one; a message goes through Redis while it is connected (Redis
/// brings it back to this instance's clients too, so nobody gets it twice) and straight to this instance's clients
/// when Redis is away or refuses it. A connection made while Redis was away is kept outside it with the groups it
/// enters, and joins Redis with them once it is back (<see cref="JoinRedisAsync"/>), so it hears other instances again.
/// </summary>
public sealed partial class LocalFallbackHubLifetimeManager<THub>(
    RedisHubLifetimeManager<THub> redis,
    DefaultHubLifetimeManager<THub> local,
    RedisBackplane backplane,
    ILogger<LocalFallbackHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>
    where THub : Hub
{
    /// <summary>The connections the Redis manager knows; only those may be put into its groups.</summary>
    private readonly ConcurrentDictionary<string, byte> _inRedis = new();

    /// <summary>The connections made while Redis was away, until they join it.</summary>
    private readonly ConcurrentDictionary<string, Outsider> _outside = new();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await local.OnConnectedAsync(connection);
        if (await TryRedisAsync(() => redis.OnConnectedAsync(connection)))
        {
            _inRedis[connection.ConnectionId] = 0;
        }
        else
        {
            _outside[connection.ConnectionId] = new Outsider(connection);
            backplane.ConnectionsOutsideChanged(+1);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await local.OnDisconnectedAsync(connection);
        if (_outside.TryRemove(connection.ConnectionId, out var outsider))
        {
            await outsider.UnderGateAsync(() =>
            {
                outsider.Gone = true;
                if (!outsider.Joined)
                {
                    backplane.ConnectionsOutsideChanged(-1);
                }

                return Task.CompletedTask;
            }, CancellationToken.None);
        }

        if (_inRedis.TryRemove(connection.ConnectionId, out _))
        {
            await TryRedisAsync(() => redis.OnDisconnectedAsync(connection), evenIfAway: true);
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (await KeptOutsideAsync(connectionId, groups => groups.Add(groupName), cancellationToken))
        {
            return;
        }

        if (_inRedis.ContainsKey(connectionId))
        {
            await TryRedisAsync(() => redis.AddToGroupAsync(connectionId, groupName, cancellationToken));
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (await KeptOutsideAsync(connectionId, groups => groups.Remove(groupName), cancellationToken))
        {
            return;
        }

        if (_inRedis.ContainsKey(connectionId))
        {
            await TryRedisAsync(() => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), evenIfAway: true);
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) => redis.TryGetReturnType(invocationId, out type);

    /// <summary>
    /// Puts the connections made while Redis was away into the Redis manager, with their groups; one that Redis
    /// refuses half-way is taken out again and tried on the next call. Called by the backplane while Redis is up.
    /// </summary>
    public async Task JoinRedisAsync(CancellationToken cancellationToken)
    {
        foreach (var outsider in _outside.Values)
        {
            await outsider.UnderGateAsync(async () =>
            {
                if (outsider.Gone || outsider.Joined || !backplane.IsConnected)
                {
                    return;
                }

                var connection = outsider.Connection;
                try
                {
                    await redis.OnConnectedAsync(connection);
                    foreach (var group in outsider.Groups)
                    {
                        await redis.AddToGroupAsync(connection.ConnectionId, group, cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
                {
                    LogRedisAway(logger, ex.GetType().Name);
                    await TryRedisAsync(() => redis.OnDisconnectedAsync(connection), evenIfAway: true);
                    return;
                }

                _inRedis[connection.ConnectionId] = 0;
                outsider.Joined = true;
                _outside.TryRemove(connection.ConnectionId, out _);
                backplane.ConnectionsOutsideChanged(-1);
            }, cancellationToken);
        }
    }

    /// <summary>Records a group change of a connection still outside Redis; false once it is in Redis (or was never outside).</summary>
    private async Task<bool> KeptOutsideAsync(string connectionId, Action<HashSet<string>> change, CancellationToken cancellationToken)
    {
        if (!_outside.TryGetValue(connectionId, out var outsider))
        {
            return false;
        }

        var kept = false;
        await outsider.UnderGateAsync(() =>
        {
            if (!outsider.Joined)
            {
                change(outsider.Groups);
                kept = true;
            }

            return Task.CompletedTask;
        }, cancellationToken);
        return kept;
    }

    private async Task SendAsync(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (backplane.IsConnected && await TryRedisAsync(() => send(redis)))
        {
            return;
        }

        await send(local);
    }

    /// <returns>False when Redis is away or refused: the caller keeps to this instance.</returns>
    private async Task<bool> TryRedisAsync(Func<Task> call, bool evenIfAway = false)
    {
        if (!evenIfAway && !backplane.IsConnected)
        {
            return false;
        }

        try
        {
            await call();
            return true;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or ObjectDisposedException)
        {
            LogRedisAway(logger, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// A connection made while Redis was away and the groups it is in. Its gate orders its group changes and its
    /// disconnection with its joining Redis, so no group is missed and a connection gone is not joined.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim holds nothing to release unless its AvailableWaitHandle is used, which this one's never is.")]
    private sealed class Outsider(HubConnectionContext connection)
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public HubConnectionContext Connection { get; } = connection;

        public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);

        public bool Joined { get; set; }

        public bool Gone { get; set; }

        public async Task UnderGateAsync(Func<Task> action, CancellationToken cancellationToken)
        {
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await action();
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane refused a call ({Exception}): live updates stay within this instance until it returns")]
    private static partial void LogRedisAway(ILogger logger, string exception);
}
