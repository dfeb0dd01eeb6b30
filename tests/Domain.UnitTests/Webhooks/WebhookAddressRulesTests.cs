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
    [InlineData("fbff:ffff::1")]
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
    public void An_absolute_https_address_is_accepted_and_http_only_where_allowed(string url, bool httpAllowed)
    {
        Assert.Null(WebhookUrl.Problem(url, httpAllowed));
    }

    [Fact]
    public void Http_is_refused_unless_allowed_and_the_refusal_says_https_is_needed()
    {
        Assert.Equal("The URL must use https.", WebhookUrl.Problem("http://hooks.example.com/orders", httpAllowed: false));
        Assert.Equal("The URL must use https or http.", WebhookUrl.Problem("ftp://hooks.example.com/orders", httpAllowed: true));
        Assert.Equal("The URL must use https.", WebhookUrl.Problem("ftp://hooks.example.com/orders", httpAllowed: false));
    }

    [Theory]
    [InlineData("hooks.example.com/orders")]
    [InlineData("https://user:password@hooks.example.com/orders")]
    [InlineData("https://hooks.example.com/orders#section")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://hooks.example.com/")]
    public void Addresses_of_the_wrong_shape_are_refused(string url)
    {
        Assert.NotNull(WebhookUrl.Problem(url, httpAllowed: true));
    }

    [Fact]
    public void An_address_longer_than_2000_characters_is_refused()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookUrl.MaxLength);

        Assert.Equal($"The URL must be an absolute http(s) address of at most {WebhookUrl.MaxLength} characters.", WebhookUrl.Problem(url, httpAllowed: false));
    }
}
