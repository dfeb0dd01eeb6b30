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

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The status to answer a request with, given its headers and body.</summary>
    public Func<IReadOnlyDictionary<string, string>, string, int> Answer { get; set; } = (_, _) => StatusCodes.Status200OK;

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
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var status = Answer(headers, body);
            _received.Enqueue(new ReceivedWebhook(headers, body, status));
            return Results.StatusCode(status);
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
