using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The app behind a trusted load balancer (every connection comes from 10.0.0.5, inside the configured 10.0.0.0/8),
/// so each test speaks for clients of its own through X-Forwarded-For, as real clients behind the balancer do.
/// </summary>
public sealed class RateLimitTests(RateLimitTests.Factory api) : IClassFixture<RateLimitTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IPAddress? ConnectionAddress => IPAddress.Parse("10.0.0.5");

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
            ["RateLimiting:SignIn:PermitLimit"] = "3",
            ["RateLimiting:Refresh:PermitLimit"] = "3",
            ["RateLimiting:RefusedCredentials:PermitLimit"] = "3",
            ["RateLimiting:Tracking:PermitLimit"] = "3",
            ["RateLimiting:Partner:PermitLimit"] = "3",
            ["RateLimiting:User:PermitLimit"] = "3",
        };
    }

    private static async Task AssertLimitedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await send());
        }

        Assert.All(responses.Take(3), r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.StatusCode));
        await AssertRefusedAsync(responses[3]);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage refused)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.EndsWith("/too-many-requests", (await refused.ProblemAsync()).Type);
    }

    /// <summary>A client at <paramref name="address"/>, as the load balancer reports it.</summary>
    private HttpClient From(string address)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private Task<HttpResponseMessage> BadSignInAsync(string address) =>
        From(address).PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "wrong-one" });

    private Task<HttpResponseMessage> RefreshAsync(string address, string refreshToken) =>
        From(address).PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private async Task<string> RefreshTokenAsync(string address)
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var response = await From(address).PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(login.AccessToken);
        api.RememberSecret(login.RefreshToken!);
        return login.RefreshToken!;
    }

    [Fact]
    public async Task Sign_in_is_limited_per_client_address_as_the_trusted_proxy_reports_it()
    {
        await AssertLimitedAsync(() => BadSignInAsync("203.0.113.1"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await BadSignInAsync("203.0.113.2")).StatusCode);
    }

    [Fact]
    public async Task Public_tracking_is_limited_per_client_address()
    {
        await AssertLimitedAsync(() => From("203.0.113.10").GetAsync("/api/tracking/OT-0000000000"));
        Assert.Equal(HttpStatusCode.NotFound, (await From("203.0.113.11").GetAsync("/api/tracking/OT-0000000000")).StatusCode);
    }

    [Fact]
    public async Task Spending_the_sign_in_bucket_does_not_stop_a_session_from_refreshing()
    {
        var refreshToken = await RefreshTokenAsync("203.0.113.20");
        Assert.Equal(HttpStatusCode.Unauthorized, (await BadSignInAsync("203.0.113.20")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await BadSignInAsync("203.0.113.20")).StatusCode);
        await AssertRefusedAsync(await BadSignInAsync("203.0.113.20"));

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync("203.0.113.20", refreshToken)).StatusCode);
    }

    [Fact]
    public async Task One_session_hammering_refresh_does_not_block_another_session_at_the_same_address()
    {
        var hammered = await RefreshTokenAsync("203.0.113.30");
        var other = await RefreshTokenAsync("203.0.113.30");

        await AssertLimitedAsync(() => RefreshAsync("203.0.113.30", hammered));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync("203.0.113.30", other)).StatusCode);
    }

    [Fact]
    public async Task A_session_rotating_its_refresh_token_keeps_drawing_from_one_bucket()
    {
        var token = await RefreshTokenAsync("203.0.113.33");
        for (var i = 0; i < 3; i++)
        {
            var renewed = await RefreshAsync("203.0.113.33", token);
            await renewed.ShouldBeAsync(HttpStatusCode.OK);
            token = (await renewed.ReadAsync<LoginResponse>()).RefreshToken!;
            api.RememberSecret(token);
        }

        await AssertRefusedAsync(await RefreshAsync("203.0.113.33", token));
    }

    [Fact]
    public async Task Browser_sessions_refreshing_from_their_cookies_have_buckets_of_their_own()
    {
        var hammered = await RefreshTokenAsync("203.0.113.35");
        var other = await RefreshTokenAsync("203.0.113.35");

        await AssertLimitedAsync(() => CookieRefreshAsync("203.0.113.35", hammered));
        Assert.Equal(HttpStatusCode.OK, (await CookieRefreshAsync("203.0.113.35", other)).StatusCode);
    }

    /// <summary>A browser's refresh: the token only in the HttpOnly cookie, none in the body.</summary>
    private Task<HttpResponseMessage> CookieRefreshAsync(string address, string refreshToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Forwarded-For", address);
        request.Headers.Add("X-Session-Transport", "cookie");
        request.Headers.Add("Cookie", $"__Host-ot_refresh={refreshToken}");
        return api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);
    }

    [Fact]
    public async Task Made_up_refresh_tokens_are_charged_to_the_address_that_sends_them()
    {
        var valid = await RefreshTokenAsync("203.0.113.41");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync("203.0.113.40", $"made-up-{Guid.NewGuid():N}")).StatusCode);
        }

        await AssertRefusedAsync(await RefreshAsync("203.0.113.40", $"made-up-{Guid.NewGuid():N}"));
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync("203.0.113.41", valid)).StatusCode);
    }

    [Fact]
    public async Task The_partner_api_is_limited_per_partner_whichever_of_its_keys_it_uses()
    {
        var (_, first, second) = await PartnerWithTwoKeysAsync();
        var (_, otherPartnersKey, _) = await PartnerWithTwoKeysAsync();

        await AssertLimitedAsync(() => PartnerClient("203.0.113.50", first).GetAsync("/api/partner/orders"));
        await AssertRefusedAsync(await PartnerClient("203.0.113.51", second).GetAsync("/api/partner/orders"));
        Assert.Equal(HttpStatusCode.OK, (await PartnerClient("203.0.113.50", otherPartnersKey).GetAsync("/api/partner/orders")).StatusCode);
    }

    [Fact]
    public async Task Bad_keys_naming_a_partners_key_id_cost_that_partner_nothing_and_are_charged_to_the_sender()
    {
        var (prefix, key, _) = await PartnerWithTwoKeysAsync();
        var forged = prefix + "_" + new string('a', 43);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClient("203.0.113.60", forged).GetAsync("/api/partner/orders")).StatusCode);
        }

        await AssertRefusedAsync(await PartnerClient("203.0.113.60", forged).GetAsync("/api/partner/orders"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PartnerClient("203.0.113.62", forged).GetAsync("/api/partner/orders")).StatusCode);

        // The partner's own bucket is whole: three requests, and only then a refusal.
        await AssertLimitedAsync(() => PartnerClient("203.0.113.61", key).GetAsync("/api/partner/orders"));
    }

    [Fact]
    public async Task Everything_else_is_limited_per_user()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var other = await api.CreateUserAsync(UserRole.Merchant);
        var token = await SignInDirectlyAsync(user);
        var otherToken = await SignInDirectlyAsync(other);

        await AssertLimitedAsync(() => Client(token).GetAsync("/api/orders"));
        Assert.Equal(HttpStatusCode.OK, (await Client(otherToken).GetAsync("/api/orders")).StatusCode);
    }

    private HttpClient PartnerClient(string address, string key)
    {
        var client = From(address);
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A new partner with two keys, issued by a new admin (three requests: within the admin's own bucket).</summary>
    private async Task<(string FirstPrefix, string First, string Second)> PartnerWithTwoKeysAsync()
    {
        var admin = Client(await SignInDirectlyAsync(await api.CreateUserAsync(UserRole.Admin)));
        var created = await admin.PostAsJsonAsync("/api/partners", new { name = $"Limited Couriers {Guid.NewGuid():N}" });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var partner = await created.ReadAsync<PartnerResponse>();
        var keys = new List<IssuedKeyResponse>();
        foreach (var name in new[] { "first", "second" })
        {
            var issued = await admin.PostAsJsonAsync($"/api/partners/{partner.Id}/api-keys", new { name });
            await issued.ShouldBeAsync(HttpStatusCode.Created);
            var key = await issued.ReadAsync<IssuedKeyResponse>();
            api.RememberSecret(key.Key);
            keys.Add(key);
        }

        return (keys[0].Prefix, keys[0].Key, keys[1].Key);
    }

    private HttpClient Client(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A session and its token minted by the app's own token service, so this test does not spend the tiny sign-in budget.</summary>
    private async Task<string> SignInDirectlyAsync(TestUser user)
    {
        var stored = await api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id)));
        var session = OrderTracking.Domain.Sessions.SessionFamily.Start(user.Id, DateTimeOffset.UtcNow, TimeSpan.FromDays(1));
        await api.WithDbAsync(db =>
        {
            db.SessionFamilies.Add(session);
            return db.SaveChangesAsync();
        });
        var token = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrderTracking.Application.Common.Interfaces.ITokenService>(api.Services).CreateAccessToken(stored, session.Id).Token;
        api.RememberSecret(token);
        return token;
    }
}
