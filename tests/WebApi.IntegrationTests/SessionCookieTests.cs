using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The browser transport of the refresh token: with <c>X-Session-Transport: cookie</c> it lives in an HttpOnly,
/// SameSite=Strict cookie for /api/auth and never in a body a script could read. Cookies are handled by hand here
/// so every attribute the server sets can be checked.
/// </summary>
public sealed class SessionCookieTests(SessionCookieTests.Factory api) : IClassFixture<SessionCookieTests.Factory>
{
    /// <summary>No grace window, so a token that comes back after its rotation is refused at once.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Sessions:RefreshReuseGraceSeconds"] = "0" };
    }

    private const string CookieName = "__Host-ot_refresh";

    private HttpClient Browser() =>
        api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("https://orders.example") });

    private static HttpRequestMessage Post(string path, object body, string? cookie = null, string? accessToken = null, bool cookieTransport = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (cookieTransport)
        {
            request.Headers.Add("X-Session-Transport", "cookie");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        }

        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request;
    }

    private static SetCookieHeaderValue RefreshCookie(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var values), "The response sets no cookie.");
        return Assert.Single(SetCookieHeaderValue.ParseList(values.ToList()), c => c.Name == CookieName);
    }

    /// <summary>The script-readable "a session may exist" hint the client checks before restoring one on load.</summary>
    private static SetCookieHeaderValue SessionHint(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Set-Cookie", out var values), "The response sets no cookie.");
        return Assert.Single(SetCookieHeaderValue.ParseList(values.ToList()), c => c.Name == "__Host-ot_session");
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static void AssertNoRefreshTokenIn(JsonElement body, string refreshToken)
    {
        Assert.True(!body.TryGetProperty("refreshToken", out var token) || token.ValueKind == JsonValueKind.Null, $"The body carries a refresh token: {body}");
        Assert.DoesNotContain(refreshToken, body.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<(string Cookie, string AccessToken)> SignInAsync(TestUser user)
    {
        var response = await Browser().SendAsync(Post("/api/auth/login", new { email = user.Email, password = user.Password }));
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var cookie = RefreshCookie(response).Value.ToString();
        var accessToken = (await BodyAsync(response)).GetProperty("accessToken").GetString()!;
        api.RememberSecret(cookie);
        api.RememberSecret(accessToken);
        return (cookie, accessToken);
    }

    [Fact]
    public async Task Sign_in_with_cookie_transport_sets_an_httponly_strict_host_prefixed_cookie_and_keeps_the_token_out_of_the_body()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);

        var response = await Browser().SendAsync(Post("/api/auth/login", new { email = user.Email, password = user.Password }));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var cookie = RefreshCookie(response);
        api.RememberSecret(cookie.Value.ToString());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.Null(cookie.Domain.Value);
        Assert.True(cookie.Secure);
        Assert.True(cookie.MaxAge > TimeSpan.FromDays(13));
        Assert.True(cookie.Value.Length >= 43);
        var body = await BodyAsync(response);
        AssertNoRefreshTokenIn(body, cookie.Value.ToString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        api.RememberSecret(body.GetProperty("accessToken").GetString()!);
        var hint = SessionHint(response);
        Assert.Equal("1", hint.Value.ToString());
        Assert.False(hint.HttpOnly);
        Assert.Equal("/", hint.Path.ToString());
        Assert.Null(hint.Domain.Value);
        Assert.True(hint.Secure);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Strict, hint.SameSite);
        Assert.Equal(cookie.MaxAge, hint.MaxAge);
    }

    [Fact]
    public async Task Refresh_with_only_the_cookie_rotates_it_and_the_spent_cookie_no_longer_works()
    {
        var user = await api.CreateUserAsync(UserRole.Delivery);
        var (first, _) = await SignInAsync(user);

        var response = await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: first));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var rotated = RefreshCookie(response);
        var second = rotated.Value.ToString();
        api.RememberSecret(second);
        Assert.NotEqual(first, second);
        Assert.True(rotated.HttpOnly);
        Assert.Equal("/", rotated.Path.ToString());
        Assert.True(rotated.Secure);
        Assert.Equal(rotated.MaxAge, SessionHint(response).MaxAge);
        var body = await BodyAsync(response);
        AssertNoRefreshTokenIn(body, second);
        var accessToken = body.GetProperty("accessToken").GetString()!;
        api.RememberSecret(accessToken);
        var client = Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        Assert.Equal(user.Id, (await client.GetFromJsonAsync<UserResponse>("/api/auth/me", Json.Options))!.Id);

        var third = await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: second));
        await third.ShouldBeAsync(HttpStatusCode.OK);
        api.RememberSecret(RefreshCookie(third).Value.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: first))).StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_cookie_transport_ends_the_session_and_clears_the_cookie()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var (cookie, accessToken) = await SignInAsync(user);

        var response = await Browser().SendAsync(Post("/api/auth/logout", new { }, cookie: cookie, accessToken: accessToken));

        await response.ShouldBeAsync(HttpStatusCode.NoContent);
        var cleared = RefreshCookie(response);
        Assert.Equal(string.Empty, cleared.Value.ToString());
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Equal("/", cleared.Path.ToString());
        Assert.True(cleared.Secure);
        var clearedHint = SessionHint(response);
        Assert.True(clearedHint.Expires < DateTimeOffset.UtcNow);
        Assert.Equal("/", clearedHint.Path.ToString());
        Assert.True(clearedHint.Secure);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: cookie))).StatusCode);
    }

    [Fact]
    public async Task The_cookie_is_not_read_without_the_transport_header_so_a_cross_site_form_cannot_spend_it()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var (cookie, _) = await SignInAsync(user);

        var withoutHeader = await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: cookie, cookieTransport: false));
        var form = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh") { Content = new StringContent("refreshToken=x", null, "application/x-www-form-urlencoded") };
        form.Headers.Add("Cookie", $"{CookieName}={cookie}");
        var formPost = await Browser().SendAsync(form);

        Assert.Equal(HttpStatusCode.Unauthorized, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
        Assert.False(withoutHeader.Headers.Contains("Set-Cookie"));
        var stillWorks = await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: cookie));
        await stillWorks.ShouldBeAsync(HttpStatusCode.OK);
        api.RememberSecret(RefreshCookie(stillWorks).Value.ToString());
    }

    [Fact]
    public async Task The_cookie_without_its_host_prefix_is_not_read_so_a_planted_one_restores_nothing()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var (cookie, _) = await SignInAsync(user);
        var request = Post("/api/auth/refresh", new { });
        request.Headers.Add("Cookie", $"ot_refresh={cookie}");

        var response = await Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var withPrefix = await Browser().SendAsync(Post("/api/auth/refresh", new { }, cookie: cookie));
        await withPrefix.ShouldBeAsync(HttpStatusCode.OK);
        api.RememberSecret(RefreshCookie(withPrefix).Value.ToString());
    }

    [Fact]
    public async Task Restoring_a_session_without_a_cookie_answers_401()
    {
        var response = await Browser().SendAsync(Post("/api/auth/refresh", new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.ProblemAsync()).Status);
    }

    [Fact]
    public async Task Without_the_transport_header_the_refresh_token_stays_in_the_body_and_no_cookie_is_set()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);

        var response = await Browser().SendAsync(Post("/api/auth/login", new { email = user.Email, password = user.Password }, cookieTransport: false));

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(login.RefreshToken!);
        api.RememberSecret(login.AccessToken);
        Assert.False(string.IsNullOrEmpty(login.RefreshToken));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
