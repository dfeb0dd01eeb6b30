using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using OrderTracking.Testing;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server in this process (the SmtpServer package) on 127.0.0.1 that keeps every message it accepts,
/// parsed by MimeKit. <see cref="Answer"/> decides per message whether it is accepted or refused (4xx or 5xx), and
/// <see cref="Delay"/> how long it takes to answer; it can be stopped and started again on the same port (a mail
/// server that is down: connections are refused).
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    private SmtpCatcher(int port) => Port = port;

    public int Port { get; }

    /// <summary>The answer to a message, given it: <see cref="SmtpResponse.Ok"/> unless told otherwise.</summary>
    public Func<MimeMessage, SmtpResponse> Answer { get; set; } = _ => SmtpResponse.Ok;

    /// <summary>How long the server takes before it answers a message (a slow mail server, or a slow recipient domain).</summary>
    public Func<MimeMessage, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    /// <summary>Every message accepted so far, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>The messages accepted for one address.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public static async Task<SmtpCatcher> StartAsync()
    {
        var catcher = new SmtpCatcher(LoopbackPort.Free());
        await catcher.StartAgainAsync();
        return catcher;
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("catcher.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);

        // Listening once a connection is accepted; StartAsync returns only when the server stops.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Stops listening: new connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped as asked.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(SmtpCatcher catcher) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (catcher.Delay(message) is { } delay && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            var answer = catcher.Answer(message);
            if (answer.ReplyCode == SmtpReplyCode.Ok)
            {
                catcher._received.Enqueue(message);
            }

            return answer;
        }
    }
}

/// <summary>The API with e-mail on: SMTP to its own <see cref="SmtpCatcher"/>, e-mails sent without delay, quick retries and sweeps.</summary>
public class EmailApiFactory : ApiFactory
{
    public const string PublicBaseUrl = "https://track.example.test";

    public SmtpCatcher Mail { get; private set; } = null!;

    /// <summary>Another instance's catcher and database, for a second instance of the same deployment.</summary>
    protected virtual (SmtpCatcher Mail, string ConnectionString)? SharedWith => null;

    protected override IDictionary<string, string?> ExtraSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:TlsMode"] = "None",
                ["Smtp:FromAddress"] = "notifications@order-tracking.test",
                ["Smtp:TimeoutSeconds"] = "10",
                ["Notifications:PublicBaseUrl"] = PublicBaseUrl,
                ["Notifications:CoalesceSeconds"] = "0",
                ["Notifications:PollIntervalSeconds"] = "0.2",
                ["Notifications:RetryFirstDelaySeconds"] = "0.2",
                ["Notifications:RetryMaxDelaySeconds"] = "0.5",
                ["Outbox:SweepInterval"] = "00:00:01",
            };
            if (SharedWith is { } shared)
            {
                settings["ConnectionStrings:OrderTracking"] = shared.ConnectionString;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        if (SharedWith is { } shared)
        {
            // Another instance of the same deployment: its mail server and its database (ExtraSettings names it).
            Mail = shared.Mail;
            Environment.SetEnvironmentVariable("ORDERTRACKING_SKIP_DOTENV", "1");
            return;
        }

        Mail = await SmtpCatcher.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (SharedWith is null && Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
