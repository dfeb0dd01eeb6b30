using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace OrderTracking.WebApi.Hubs;

/// <summary>
/// Keeps live updates working within the instance while Redis is away. Every connection and group membership is
/// kept by a local manager as well as by the Redis one; a message goes through Redis while it is connected (Redis
/// brings it back to this instance's clients too, so nobody gets it twice) and straight to this instance's clients
/// when Redis is away or refuses it. Connections made while Redis was away join Redis only for the groups they
/// enter after it returns; clients reconnecting (as they do on every token renewal) are whole again.
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

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await local.OnConnectedAsync(connection);
        if (await TryRedisAsync(() => redis.OnConnectedAsync(connection)))
        {
            _inRedis[connection.ConnectionId] = 0;
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await local.OnDisconnectedAsync(connection);
        if (_inRedis.TryRemove(connection.ConnectionId, out _))
        {
            await TryRedisAsync(() => redis.OnDisconnectedAsync(connection), evenIfAway: true);
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (_inRedis.ContainsKey(connectionId))
        {
            await TryRedisAsync(() => redis.AddToGroupAsync(connectionId, groupName, cancellationToken));
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Redis backplane refused a call ({Exception}): live updates stay within this instance until it returns")]
    private static partial void LogRedisAway(ILogger logger, string exception);
}
