using System.Net;
using System.Net.Sockets;

namespace OrderTracking.Testing;

/// <summary>
/// Chooses TCP ports for servers the tests start (PostgreSQL, the API out of process, a dead address).
/// The port is chosen below the kernel's ephemeral range, which the kernel hands to <c>listen(0)</c> callers and to
/// the source side of every outgoing connection: a port taken from that range can be taken again by someone else
/// between being chosen and being bound (seconds, for PostgreSQL after <c>pg_ctl start</c>). Below it, only code
/// that asks for a specific port can take it; within this process no port is handed out twice.
/// scripts/free-port.mjs is the same rule for the shell scripts and Playwright.
/// </summary>
public static class LoopbackPort
{
    private const int Lowest = 20000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now and that this process has not handed out.</summary>
    public static int Free()
    {
        var highest = EphemeralRangeStart() - 1;
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var port = Random.Shared.Next(Lowest, highest + 1);
            lock (Gate)
            {
                if (HandedOut.Contains(port) || !CanListenOn(port))
                {
                    continue;
                }

                HandedOut.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException($"No free port between {Lowest} and {highest} on 127.0.0.1.");
    }

    private static bool CanListenOn(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > Lowest + 1000
            ? start
            : 32768;
    }
}
