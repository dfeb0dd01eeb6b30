using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrderTracking.Benchmarks;

/// <summary>Who a hub connection is: a signed-in user (its token) receiving <c>orderChanged</c>, or a public follower of a tracking code.</summary>
public sealed record HubAudience(string? AccessToken, string? TrackingCode);

/// <summary>How long the announcements of status changes took to reach every hub connection that should receive them.</summary>
/// <remarks>Latencies count from the HTTP response (an announcement that arrived before it counts 0) and, beside them, from sending the request.</remarks>
public sealed record LiveResult(
    int Connections, int Changes, long Expected, long Received, double P50Ms, double P99Ms, double MaxMs, long ArrivedBeforeResponse, double FromRequestP50Ms, double FromRequestP99Ms);

/// <summary>
/// Many SignalR connections to the product's hub (the .NET client, WebSockets), each remembering when each
/// announcement arrived: <c>orderChanged</c> by the order's <c>updatedAt</c>, <c>trackingChanged</c> by the timeline's length,
/// both of which identify one status change.
/// </summary>
public sealed class HubCrowd : IAsyncDisposable
{
    private readonly List<Listener> _listeners = [];

    public int Count => _listeners.Count;

    /// <summary>
    /// Connects more listeners, <paramref name="parallel"/> at a time. A connection that fails (the server too busy to
    /// finish the handshake in time, say) is counted, not fatal: the run reports how many of the crowd connected.
    /// </summary>
    /// <returns>How many failed to connect, and the first failure's message.</returns>
    public async Task<(int Failed, string? FirstError)> ConnectAsync(Uri baseAddress, IReadOnlyList<HubAudience> audiences, int parallel = 32)
    {
        using var gate = new SemaphoreSlim(parallel);
        var connecting = audiences.Select(async audience =>
        {
            await gate.WaitAsync();
            try
            {
                return (Listener: await Listener.ConnectAsync(baseAddress, audience), Error: (string?)null);
            }
            catch (Exception ex) when (ex is Microsoft.AspNetCore.SignalR.HubException or HttpRequestException or System.Net.WebSockets.WebSocketException or TimeoutException or OperationCanceledException)
            {
                return (Listener: (Listener?)null, Error: $"{ex.GetType().Name}: {ex.Message}");
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var outcomes = await Task.WhenAll(connecting);
        _listeners.AddRange(outcomes.Where(o => o.Listener is not null).Select(o => o.Listener!));
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        return (failed.Count, failed.FirstOrDefault().Error);
    }

    /// <summary>
    /// Changes the order every <paramref name="interval"/> (InTransit and DeliveryFailed in turn, as the admin) and
    /// measures, for every change and every listener, the time from the HTTP response to the announcement's arrival.
    /// </summary>
    public async Task<LiveResult> MeasureAsync(ProductApi admin, Guid orderId, int timelineLength, int changes, TimeSpan interval)
    {
        var sent = new List<(long UpdatedAt, int TimelineLength, long SentAt, long RespondedAt)>();
        var status = "InTransit";
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < changes; k++)
        {
            status = status == "InTransit" ? "DeliveryFailed" : "InTransit";
            var sentAt = Stopwatch.GetTimestamp();
            var updatedAt = await admin.ChangeStatusAsync(orderId, status, status == "DeliveryFailed" ? "RecipientUnavailable" : null);
            sent.Add((updatedAt, timelineLength + k + 1, sentAt, Stopwatch.GetTimestamp()));
            var next = interval * (k + 1) - clock.Elapsed;
            if (next > TimeSpan.Zero)
            {
                await Task.Delay(next);
            }
        }

        var expected = (long)sent.Count * _listeners.Count;
        var deadline = Stopwatch.StartNew();
        while (_listeners.Sum(l => (long)l.Received) < expected && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        var latencies = new List<double>();
        var fromRequest = new List<double>();
        long early = 0;
        foreach (var listener in _listeners)
        {
            foreach (var change in sent)
            {
                if (listener.ArrivalOf(listener.FollowsTracking ? change.TimelineLength : change.UpdatedAt) is { } arrived)
                {
                    var milliseconds = Stopwatch.GetElapsedTime(change.RespondedAt, arrived).TotalMilliseconds;
                    if (arrived < change.RespondedAt)
                    {
                        early++;
                    }

                    latencies.Add(Math.Max(0, arrived < change.RespondedAt ? 0 : milliseconds));
                    fromRequest.Add(Stopwatch.GetElapsedTime(change.SentAt, arrived).TotalMilliseconds);
                }
            }
        }

        latencies.Sort();
        fromRequest.Sort();
        static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
        return new LiveResult(_listeners.Count, sent.Count, expected, latencies.Count, Percentile(latencies, 0.5), Percentile(latencies, 0.99),
            Percentile(latencies, 1), early, Percentile(fromRequest, 0.5), Percentile(fromRequest, 0.99));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var chunk in _listeners.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(l => l.DisposeAsync().AsTask()));
        }

        _listeners.Clear();
    }

    private sealed class Listener(HubConnection connection, bool followsTracking) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<long, long> _arrivals = new();

        public bool FollowsTracking { get; } = followsTracking;

        public int Received => _arrivals.Count;

        public static async Task<Listener> ConnectAsync(Uri baseAddress, HubAudience audience)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, "/hubs/orders"), options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = true;
                    if (audience.AccessToken is { } token)
                    {
                        options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    }
                })
                .Build();
            var listener = new Listener(connection, audience.TrackingCode is not null);
            connection.On<JsonElement>("orderChanged", message =>
                listener._arrivals.TryAdd(message.GetProperty("updatedAt").GetDateTimeOffset().UtcTicks, Stopwatch.GetTimestamp()));
            connection.On<JsonElement>("trackingChanged", view =>
                listener._arrivals.TryAdd(view.GetProperty("timeline").GetArrayLength(), Stopwatch.GetTimestamp()));
            await connection.StartAsync();
            if (audience.TrackingCode is { } code)
            {
                await connection.InvokeAsync("SubscribeToTracking", code);
            }

            return listener;
        }

        public long? ArrivalOf(long key) => _arrivals.TryGetValue(key, out var at) ? at : null;

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
