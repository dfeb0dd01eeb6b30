using System.Net;
using System.Net.Sockets;

namespace OrderTracking.Domain.Webhooks;

/// <summary>
/// Where a webhook may be sent (server-side request forgery): only to a global unicast address. Everything the IANA
/// IPv4 and IPv6 special-purpose address registries list is refused, whatever the registry says of its global
/// reachability (loopback, private and shared networks, link-local with the cloud metadata services, documentation,
/// benchmarking, translation and tunnelling prefixes, discard, AS112), and so are multicast, the reserved 240/4, and
/// every IPv6 address outside 2000::/3, the only block IANA hands out as global unicast. Azure's platform address
/// 168.63.129.16, a public address that answers only from inside Azure, is refused as well. An IPv6 address that
/// carries an IPv4 one (IPv4-mapped, or the well-known NAT64 prefix through which an IPv6-only network reaches IPv4
/// hosts) is judged by the IPv4 address it leads to. Checked when an endpoint is saved and again on every connection,
/// because a name may resolve elsewhere by then.
/// </summary>
public static class WebhookAddressRules
{
    private static readonly (IPAddress Network, int PrefixLength)[] ForbiddenV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),          // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),         // private
        (IPAddress.Parse("100.64.0.0"), 10),      // shared address space (carrier-grade NAT)
        (IPAddress.Parse("127.0.0.0"), 8),        // loopback
        (IPAddress.Parse("169.254.0.0"), 16),     // link-local, cloud metadata
        (IPAddress.Parse("172.16.0.0"), 12),      // private
        (IPAddress.Parse("192.0.0.0"), 24),       // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),       // documentation (TEST-NET-1)
        (IPAddress.Parse("192.31.196.0"), 24),    // AS112-v4
        (IPAddress.Parse("192.52.193.0"), 24),    // AMT
        (IPAddress.Parse("192.88.99.0"), 24),     // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),     // private
        (IPAddress.Parse("192.175.48.0"), 24),    // AS112 direct delegation
        (IPAddress.Parse("198.18.0.0"), 15),      // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),    // documentation (TEST-NET-2)
        (IPAddress.Parse("203.0.113.0"), 24),     // documentation (TEST-NET-3)
        (IPAddress.Parse("224.0.0.0"), 4),        // multicast
        (IPAddress.Parse("240.0.0.0"), 4),        // reserved, and the limited broadcast 255.255.255.255
        (IPAddress.Parse("168.63.129.16"), 32),   // Azure's platform address (DHCP, DNS, health probes, wire server)
    ];

    /// <summary>Special-purpose blocks inside the global unicast 2000::/3; everything outside it is refused anyway.</summary>
    private static readonly (IPAddress Network, int PrefixLength)[] ForbiddenGlobalV6 =
    [
        (IPAddress.Parse("2001::"), 23),          // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, AS112, ...
        (IPAddress.Parse("2001:db8::"), 32),      // documentation
        (IPAddress.Parse("2002::"), 16),          // 6to4: leads to any IPv4 address, private ones included
        (IPAddress.Parse("2620:4f:8000::"), 48),  // AS112 direct delegation
        (IPAddress.Parse("3fff::"), 20),          // documentation
    ];

    private static readonly (IPAddress Network, int PrefixLength) GlobalUnicastV6 = (IPAddress.Parse("2000::"), 3);

    /// <summary>The well-known NAT64 prefix (64:ff9b::/96); the local-use 64:ff9b:1::/48 leads nowhere a webhook should go.</summary>
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

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ForbiddenV4.Any(range => Contains(range.Network, range.PrefixLength, address)),
            AddressFamily.InterNetworkV6 => !Contains(GlobalUnicastV6.Network, GlobalUnicastV6.PrefixLength, address)
                || ForbiddenGlobalV6.Any(range => Contains(range.Network, range.PrefixLength, address)),
            _ => true,
        };
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
