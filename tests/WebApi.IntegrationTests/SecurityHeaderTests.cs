using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class SecurityHeaderTests(SecurityHeaderTests.Factory api) : IClassFixture<SecurityHeaderTests.Factory>
{
    /// <summary>Serves a stand-in built client and allows one browser origin.</summary>
    public sealed class Factory : ApiFactory
    {
        public static readonly string ClientFolder = Directory.CreateTempSubdirectory("ot-client-").FullName;

        public Factory()
        {
            File.WriteAllText(Path.Combine(ClientFolder, "index.html"), "<!doctype html><title>Order Tracking</title><div id=root></div>");
        }

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ClientApp:Path"] = ClientFolder,
            ["Cors:AllowedOrigins:0"] = "https://shop.example",
        };
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        // Scripts may talk to this origin only (its API and its hub's WebSocket): no ws:/wss: to any host.
        Assert.Contains("connect-src 'self';", csp);
        // Images: the page's own, blob: (the courier's photo preview, proof images read through the API) and the map's tiles.
        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", csp);
        // The page may ask for the device's position (location sharing, the position at the door); no frame may.
        Assert.Equal("camera=(), microphone=(), geolocation=(self)", response.Headers.GetValues("Permissions-Policy").Single());
    }

    [Fact]
    public async Task The_api_the_spa_and_its_client_side_routes_carry_the_security_headers()
    {
        var client = api.CreateClient();

        var apiResponse = await client.GetAsync("/api/tracking/OT-0000000000");
        var spa = await client.GetAsync("/");
        var clientRoute = await client.GetAsync("/orders/some-client-route");

        AssertSecurityHeaders(apiResponse);
        AssertSecurityHeaders(spa);
        AssertSecurityHeaders(clientRoute);
        Assert.Contains("<div id=root>", await spa.Content.ReadAsStringAsync());
        Assert.Contains("<div id=root>", await clientRoute.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/unknown")).StatusCode);
    }

    [Fact]
    public async Task Only_the_tracking_page_may_show_https_images_from_other_hosts_such_as_the_merchants_logo()
    {
        var client = api.CreateClient();

        var trackingPage = await client.GetAsync("/track/OT-7F3K9Q2M4X");
        var lookupPage = await client.GetAsync("/track");
        var trackingApi = await client.GetAsync("/api/tracking/OT-7F3K9Q2M4X");
        var otherPage = await client.GetAsync("/orders/some-client-route");

        string ImageSources(HttpResponseMessage response) =>
            response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("img-src ", StringComparison.Ordinal));
        Assert.Contains("<div id=root>", await trackingPage.Content.ReadAsStringAsync());
        Assert.Equal("img-src 'self' data: blob: https://tile.openstreetmap.org https:", ImageSources(trackingPage));
        Assert.Equal("img-src 'self' data: blob: https://tile.openstreetmap.org https:", ImageSources(lookupPage));
        // The API's answers and every other page keep to this site, its tiles and blob: (no http: at all anywhere).
        Assert.Equal("img-src 'self' data: blob: https://tile.openstreetmap.org", ImageSources(trackingApi));
        Assert.Equal("img-src 'self' data: blob: https://tile.openstreetmap.org", ImageSources(otherPage));
        AssertSecurityHeaders(otherPage);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://orders.example") });

        var response = await client.GetAsync("/health/live");

        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Cors_allows_only_the_configured_origins()
    {
        var client = api.CreateClient();
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/orders");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return request;
        }

        var allowed = await client.SendAsync(Preflight("https://shop.example"));
        var refused = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://shop.example", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
