using System.Net;
using System.Net.Http.Json;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// X-Forwarded-For is believed only from a configured proxy: anyone else could send it to get a fresh rate-limit
/// bucket per request. (<see cref="RateLimitTests"/> shows it believed from a trusted proxy.)
/// </summary>
public sealed class ForwardedHeaderTests(ForwardedHeaderTests.UnknownProxy unknownProxy, ForwardedHeaderTests.NothingConfigured nothingConfigured)
    : IClassFixture<ForwardedHeaderTests.UnknownProxy>, IClassFixture<ForwardedHeaderTests.NothingConfigured>
{
    /// <summary>Connections come from 192.0.2.10, outside the one trusted network.</summary>
    public sealed class UnknownProxy : ApiFactory
    {
        protected override IPAddress? ConnectionAddress => IPAddress.Parse("192.0.2.10");

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["ForwardedHeaders:KnownProxies:0"] = "10.1.1.1",
            ["RateLimiting:SignIn:PermitLimit"] = "3",
        };
    }

    /// <summary>Connections from loopback, which ASP.NET Core's own defaults would trust; nothing is configured.</summary>
    public sealed class NothingConfigured : ApiFactory
    {
        protected override IPAddress? ConnectionAddress => IPAddress.Loopback;

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:SignIn:PermitLimit"] = "3",
        };
    }

    private static async Task AssertOneBucketForEveryForwardedAddressAsync(ApiFactory api)
    {
        for (var i = 1; i <= 3; i++)
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "wrong-one" })).StatusCode);
        }

        var fourth = api.CreateClient();
        fourth.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.4");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await fourth.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "wrong-one" })).StatusCode);
    }

    [Fact]
    public async Task From_a_proxy_that_is_not_configured_the_forwarded_address_is_ignored() =>
        await AssertOneBucketForEveryForwardedAddressAsync(unknownProxy);

    [Fact]
    public async Task With_no_proxy_configured_no_forwarded_address_is_believed_not_even_from_loopback() =>
        await AssertOneBucketForEveryForwardedAddressAsync(nothingConfigured);
}
