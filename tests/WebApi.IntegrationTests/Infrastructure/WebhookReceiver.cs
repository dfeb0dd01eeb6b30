using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OrderTracking.Testing;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>One request the receiver got: its headers, its exact body and the status it answered.</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith)
{
    public string EventId => Headers["Webhook-Id"];

    public string Signature => Headers["X-OrderTracking-Signature"];
}

/// <summary>
/// A small Kestrel app on 127.0.0.1 that records every webhook it gets. <see cref="Answer"/> decides the status per
/// request (200 unless told otherwise); it can be stopped and started again on the same port (a receiver that is down).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;
    private int _arrived;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The status to answer a request with, given its headers and body.</summary>
    public Func<IReadOnlyDictionary<string, string>, string, int> Answer { get; set; } = (_, _) => StatusCodes.Status200OK;

    /// <summary>
    /// Requests wait for this before they are answered (and recorded in <see cref="Received"/>): a receiver that
    /// accepts the connection and does not answer until the test lets it.
    /// </summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    /// <summary>What the answer's body says (empty unless told otherwise), and extra headers it carries.</summary>
    public string ResponseBody { get; set; } = string.Empty;

    public Dictionary<string, string> ResponseHeaders { get; } = [];

    /// <summary>Requests that have arrived, answered or still held.</summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = Stopped();
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>A receiver whose port nothing listens on until <see cref="StartAgainAsync"/>.</summary>
    public static WebhookReceiver Stopped() => new(LoopbackPort.Free());

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpRequest request, HttpResponse response) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            Interlocked.Increment(ref _arrived);
            await Hold;
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var status = Answer(headers, body);
            _received.Enqueue(new ReceivedWebhook(headers, body, status));
            foreach (var (name, value) in ResponseHeaders)
            {
                response.Headers[name] = value;
            }

            return Results.Text(ResponseBody, "text/plain", statusCode: status);
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds for what was received; fails with what was received otherwise.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, string what)
    {
        var received = await Eventually.WaitForAsync(() => Task.FromResult(Received), condition);
        Assert.True(condition(received), $"The receiver did not get {what}; it got: {string.Join(" | ", received.Select(r => r.Body))}");
        return received;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

public static class Eventually
{
    /// <summary>How long a test waits for something asynchronous (a delivery, a retry) before it gives up.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="condition"/> holds or <see cref="Bound"/> passes; returns the last reading either way.</summary>
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
