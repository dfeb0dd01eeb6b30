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
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The host's addresses; throws <see cref="WebhookAddressRefusedException"/> when it has none or any of them is forbidden.</summary>
    public async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host.Trim('[', ']'), cancellationToken);
        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException("The endpoint's host name does not resolve.");
        }

        if (addresses.Any(address => WebhookAddressRules.IsForbidden(address, options.Value.AllowLoopback)))
        {
            throw new WebhookAddressRefusedException(
                "The endpoint's host resolves to a loopback, private, link-local or otherwise internal address, which webhooks may not reach.");
        }

        return addresses;
    }

    /// <summary>Opens the TCP connection for the webhook client to an address that passed the check (SocketsHttpHandler.ConnectCallback).</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
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
