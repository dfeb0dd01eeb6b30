using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>A real SignalR client on the test server that records every message it receives, as raw JSON.</summary>
public sealed class HubListener : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Event, JsonElement Payload)> _received = new();
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubListener(HubConnection connection)
    {
        Connection = connection;
        connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        foreach (var name in new[] { "orderChanged", "trackingChanged", "courierPosition" })
        {
            connection.On<JsonElement>(name, payload => _received.Enqueue((name, payload)));
        }
    }

    /// <summary>
    /// A well-formed code of no order. Unsubscribing from it is a harmless round trip that proves the connection has
    /// joined its groups: the server answers invocations only after <c>OnConnectedAsync</c>, while <c>StartAsync</c>
    /// returns at the handshake, before it, so a change sent in between would be missed.
    /// </summary>
    public const string UnknownTrackingCode = "OT-0000000000";

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Event, JsonElement Payload)> Received => _received.ToList();

    /// <param name="forwardedFor">sent as X-Forwarded-For, for factories that sit behind a trusted proxy</param>
    /// <param name="waitUntilJoined">false for a connection the server is expected to refuse: it closes it instead of answering</param>
    public static async Task<HubListener> ConnectAsync(ApiFactory api, Func<Task<string?>>? accessToken = null, bool reconnect = false, string? forwardedFor = null, bool waitUntilJoined = true)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(api.Server.BaseAddress, "/hubs/orders"), options =>
        {
            options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            if (forwardedFor is not null)
            {
                options.Headers["X-Forwarded-For"] = forwardedFor;
            }

            if (accessToken is not null)
            {
                options.AccessTokenProvider = accessToken;
            }
        });
        if (reconnect)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)]);
        }

        var listener = new HubListener(builder.Build());
        await listener.Connection.StartAsync();
        if (waitUntilJoined)
        {
            await listener.Connection.InvokeAsync("UnsubscribeFromTracking", UnknownTrackingCode);
        }

        return listener;
    }

    public IEnumerable<JsonElement> OrderChanges(Guid orderId) =>
        Received.Where(m => m.Event == "orderChanged" && m.Payload.GetProperty("orderId").GetGuid() == orderId).Select(m => m.Payload);

    /// <summary>Waits until <paramref name="condition"/> holds over what was received, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<HubListener, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}. Received: {string.Join("; ", Received.Select(r => $"{r.Event} {r.Payload}"))}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits for the server to close this connection, and returns the error it closed it with.</summary>
    public async Task<Exception?> ClosedAsync(TimeSpan? timeout = null) => await _closed.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
