using System.Net;
using System.Net.Sockets;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// Where a webhook may never be sent (server-side request forgery): loopback, private and shared networks,
/// link-local (which holds the cloud metadata services), unspecified, multicast and reserved addresses. Checked when
/// an endpoint is saved and again on every connection, because a name may resolve elsewhere by then. An IPv6 address
/// that carries an IPv4 one (IPv4-mapped, or the NAT64 prefix through which an IPv6-only network reaches IPv4 hosts,
/// private ones included) is judged by the IPv4 address it leads to.
/// </summary>
public static class WebhookAddressRules
{
    private static readonly (IPAddress Network, int PrefixLength)[] ForbiddenV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int PrefixLength)[] ForbiddenV6 =
    [
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    private static readonly IPAddress Nat64Prefix = IPAddress.Parse("64:ff9b::");

    /// <summary>Whether a webhook may not go to <paramref name="address"/>; loopback only passes when <paramref name="allowLoopback"/> (development and tests).</summary>
    public static bool IsForbidden(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (Contains(Nat64Prefix, 96, address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }

        if (IPAddress.IsLoopback(address))
        {
            return !allowLoopback;
        }

        var ranges = address.AddressFamily == AddressFamily.InterNetwork ? ForbiddenV4 : ForbiddenV6;
        return ranges.Any(range => Contains(range.Network, range.PrefixLength, address));
    }

    private static bool Contains(IPAddress network, int prefixLength, IPAddress address)
    {
        var networkBytes = network.GetAddressBytes();
        var addressBytes = address.GetAddressBytes();
        if (networkBytes.Length != addressBytes.Length)
        {
            return false;
        }

        for (var bit = 0; bit < prefixLength; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            if ((networkBytes[bit / 8] & mask) != (addressBytes[bit / 8] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
