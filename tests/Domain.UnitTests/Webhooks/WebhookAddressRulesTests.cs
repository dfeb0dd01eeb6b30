using System.Net;
using OrderTracking.Domain.Webhooks;

namespace OrderTracking.Domain.UnitTests.Webhooks;

public sealed class WebhookAddressRulesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("192.168.255.255")]
    [InlineData("169.254.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456:789a::1")]
    [InlineData("fe80::1")]
    [InlineData("fe80::1%2")]
    [InlineData("febf:ffff::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:172.16.0.1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b::10.0.0.1")]
    [InlineData("64:ff9b::192.168.0.1")]
    [InlineData("64:ff9b::127.0.0.1")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("64:ff9b:1:ffff::8.8.8.8")]
    [InlineData("2002:c0a8:0101::1")]
    [InlineData("2002:0808:0808::1")]
    [InlineData("2001::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2")]
    [InlineData("2001:2::1")]
    [InlineData("2001:10::1")]
    [InlineData("2001:db8::1")]
    [InlineData("3fff::1")]
    [InlineData("2620:4f:8000::1")]
    [InlineData("::8.8.8.8")]
    [InlineData("::10.0.0.1")]
    [InlineData("100::1")]
    [InlineData("100::ffff:ffff:ffff:ffff")]
    [InlineData("5f00::1")]
    [InlineData("fbff:ffff::1")]
    [InlineData("168.63.129.16")]
    [InlineData("192.0.2.1")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.10")]
    [InlineData("198.18.0.1")]
    [InlineData("192.88.99.1")]
    [InlineData("192.31.196.1")]
    [InlineData("192.52.193.1")]
    [InlineData("192.175.48.1")]
    [InlineData("240.0.0.1")]
    public void Loopback_private_link_local_metadata_and_other_internal_addresses_are_refused(string address)
    {
        Assert.True(WebhookAddressRules.IsForbidden(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("9.255.255.255")]
    [InlineData("11.0.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.167.255.255")]
    [InlineData("192.169.0.1")]
    [InlineData("169.253.255.255")]
    [InlineData("169.255.0.1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("2001:200::1")]
    [InlineData("2003::1")]
    [InlineData("2620:4f:8001::1")]
    [InlineData("168.63.129.15")]
    [InlineData("168.63.129.17")]
    [InlineData("192.0.3.1")]
    [InlineData("203.0.114.1")]
    [InlineData("fec0::1", false)]
    public void Public_addresses_just_outside_the_forbidden_ranges_are_allowed(string address, bool allowed = true)
    {
        Assert.Equal(!allowed, WebhookAddressRules.IsForbidden(IPAddress.Parse(address), allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("127.0.0.53", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("10.0.0.1", true)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    public void The_development_setting_opens_loopback_and_nothing_else(string address, bool forbidden)
    {
        Assert.Equal(forbidden, WebhookAddressRules.IsForbidden(IPAddress.Parse(address), allowLoopback: true));
    }

    [Theory]
    [InlineData("https://hooks.example.com/orders", false)]
    [InlineData("https://hooks.example.com:8443/orders?token=abc", false)]
    [InlineData("http://hooks.example.com/orders", true)]
    [InlineData("https://203.0.113.10/orders", false)]
    [InlineData("https://hooks.example.com:443/orders", false)]
    public void An_absolute_https_address_is_accepted_and_http_only_where_allowed(string url, bool httpAllowed)
    {
        Assert.Null(WebhookUrl.Problem(url, httpAllowed, [8443, 80]));
    }

    [Theory]
    [InlineData("https://8.8.8.8:22/")]
    [InlineData("https://hooks.example.com:8443/orders")]
    [InlineData("https://hooks.example.com:5432/")]
    [InlineData("http://hooks.example.com/orders")]
    public void Only_port_443_is_accepted_unless_the_operator_allows_another(string url)
    {
        Assert.Equal("The URL must use port 443 (leave the port out of an https URL).", WebhookUrl.Problem(url, httpAllowed: true, []));
        Assert.Null(WebhookUrl.Problem(url, httpAllowed: true, [], anyPort: true));
    }

    [Fact]
    public void A_port_the_operator_allows_is_accepted_and_the_refusal_names_the_allowed_ones()
    {
        Assert.Null(WebhookUrl.Problem("https://hooks.example.com:8443/orders", httpAllowed: false, [8443]));
        Assert.Equal("The URL must use port 443 or one of: 8080, 8443.", WebhookUrl.Problem("https://8.8.8.8:22/", httpAllowed: false, [8443, 8080]));
    }

    [Fact]
    public void Http_is_refused_unless_allowed_and_the_refusal_says_https_is_needed()
    {
        Assert.Equal("The URL must use https.", WebhookUrl.Problem("http://hooks.example.com/orders", httpAllowed: false, []));
        Assert.Equal("The URL must use https or http.", WebhookUrl.Problem("ftp://hooks.example.com/orders", httpAllowed: true, []));
        Assert.Equal("The URL must use https.", WebhookUrl.Problem("ftp://hooks.example.com/orders", httpAllowed: false, []));
    }

    [Theory]
    [InlineData("hooks.example.com/orders")]
    [InlineData("https://user:password@hooks.example.com/orders")]
    [InlineData("https://hooks.example.com/orders#section")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://hooks.example.com/")]
    public void Addresses_of_the_wrong_shape_are_refused(string url)
    {
        Assert.NotNull(WebhookUrl.Problem(url, httpAllowed: true, []));
    }

    [Fact]
    public void An_address_longer_than_2000_characters_is_refused()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookUrl.MaxLength);

        Assert.Equal($"The URL must be an absolute http(s) address of at most {WebhookUrl.MaxLength} characters.", WebhookUrl.Problem(url, httpAllowed: false, []));
    }
}
