using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Webhooks.Common;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Infrastructure.Webhooks;

/// <summary>
/// Resolves an endpoint's host and keeps only what <see cref="WebhookAddressRules"/> allows: used when an endpoint is
/// saved and on every connection the sender opens, which then goes to the very addresses checked here (a name that
/// resolved to a public address when saved and to an internal one now is refused: DNS rebinding).
/// </summary>
public sealed class WebhookDestination(IOptions<WebhookOptions> options)
{
    /// <summary>
    /// The one answer for every refused destination, whatever the reason (no such name, an internal address, a port
    /// that is not allowed): telling them apart would let a caller map the internal network's names through it.
    /// </summary>
    public const string Refusal = "Webhooks cannot be sent to this address. Use an https URL on port 443 whose host name resolves to public internet addresses only.";

    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The host's addresses; throws <see cref="WebhookAddressRefusedException"/> when it has none or any of them is forbidden.</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host.Trim('[', ']'), cancellationToken);
        if (addresses.Length == 0 || addresses.Any(address => WebhookAddressRules.IsForbidden(address, options.Value.AllowLoopback)))
        {
            throw new WebhookAddressRefusedException(Refusal);
        }

        return addresses;
    }

    /// <summary>
    /// Opens the TCP connection for the webhook client to an address that passed the check (SocketsHttpHandler.ConnectCallback),
    /// on an allowed port: a row saved before the port rule, or written around the API, still cannot reach another port.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.IsPortAllowed(context.DnsEndPoint.Port))
        {
            throw new WebhookAddressRefusedException(Refusal);
        }

        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ResolveTimeout);
        try
        {
            return await Dns.GetHostAddressesAsync(host, timeout.Token);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return [];
        }
    }
}
