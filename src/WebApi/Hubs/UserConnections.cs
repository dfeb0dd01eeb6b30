using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace OrderTracking.WebApi.Hubs;

/// <summary>The hub connections this instance holds for each signed-in user, so they can be closed when the user's sessions end.</summary>
public sealed class UserConnections
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, UserConnection>> _byUser = new();

    public void Add(Guid userId, int sessionVersion, Guid sessionId, HubCallerContext context) =>
        _byUser.GetOrAdd(userId, _ => new())[context.ConnectionId] = new UserConnection(userId, sessionVersion, sessionId, context);

    public void Remove(Guid userId, string connectionId)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    public IReadOnlyList<UserConnection> All() => [.. _byUser.Values.SelectMany(connections => connections.Values)];

    /// <summary>Closes every connection of the user on this instance.</summary>
    public void Close(Guid userId)
    {
        if (_byUser.TryRemove(userId, out var connections))
        {
            foreach (var connection in connections.Values)
            {
                connection.Context.Abort();
            }
        }
    }

    /// <summary>Closes the user's connections on this instance that were opened in one session (signed out).</summary>
    public void CloseSession(Guid userId, Guid sessionId)
    {
        if (_byUser.TryGetValue(userId, out var connections))
        {
            foreach (var connection in connections.Values.Where(c => c.SessionId == sessionId))
            {
                connections.TryRemove(connection.Context.ConnectionId, out _);
                connection.Context.Abort();
            }
        }
    }
}

public sealed record UserConnection(Guid UserId, int SessionVersion, Guid SessionId, HubCallerContext Context);
