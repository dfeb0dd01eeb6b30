using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class RateLimitTests(RateLimitTests.Factory api) : IClassFixture<RateLimitTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:SignIn:PermitLimit"] = "3",
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
        var refused = responses[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.EndsWith("/too-many-requests", (await refused.ProblemAsync()).Type);
    }

    [Fact]
    public async Task Sign_in_is_limited_per_client_address() =>
        await AssertLimitedAsync(() => api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "wrong-one" }));

    [Fact]
    public async Task Public_tracking_is_limited_per_client_address() =>
        await AssertLimitedAsync(() => api.CreateClient().GetAsync("/api/tracking/OT-0000000000"));

    [Fact]
    public async Task The_partner_api_is_limited_per_key()
    {
        await AssertLimitedAsync(() =>
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Add("X-Api-Key", "otp_Limit123_" + new string('a', 43));
            return client.GetAsync("/api/partner/orders");
        });

        var otherKey = api.CreateClient();
        otherKey.DefaultRequestHeaders.Add("X-Api-Key", "otp_Other123_" + new string('a', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherKey.GetAsync("/api/partner/orders")).StatusCode);
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

    private HttpClient Client(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Tokens minted by the app's own token service, so this test does not spend the tiny sign-in budget.</summary>
    private async Task<string> SignInDirectlyAsync(TestUser user)
    {
        var stored = await api.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == user.Id)));
        var token = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<OrderTracking.Application.Common.Interfaces.ITokenService>(api.Services).CreateAccessToken(stored).Token;
        api.RememberSecret(token);
        return token;
    }
}
