using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// A deactivation, a role change or a password reset ends the user's access at once: access tokens issued
/// before it are refused on the next request, and the user's live connections close. These run with the
/// default cache of the per-request check; the instance that makes the change forgets its copy at once.
/// </summary>
public sealed class SessionEndTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string NewPassword = "A-brand-new-password1";

    public static TheoryData<string> Changes() => ["deactivate", "role", "password"];

    private static object Patch(string change) => change switch
    {
        "deactivate" => new { isActive = false },
        "role" => new { role = "Delivery" },
        _ => new { password = NewPassword },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task The_old_access_token_is_refused_on_the_next_request_after_an_account_change(string change)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        api.RememberSecret(NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await merchant.GetAsync("/api/orders")).StatusCode);

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", Patch(change))).EnsureSuccessStatusCode();

        var read = await merchant.GetAsync("/api/orders");
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        await read.ProblemAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await merchant.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder())).StatusCode);
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == user.Id))));
    }

    [Fact]
    public async Task A_rename_does_not_end_the_session_and_a_new_sign_in_after_a_reset_works()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        api.RememberSecret(NewPassword);

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", new { displayName = "Renamed" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await merchant.GetAsync("/api/auth/me")).StatusCode);

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", new { password = NewPassword })).EnsureSuccessStatusCode();
        var again = await api.ClientForAsync(user with { Password = NewPassword });
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/auth/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task The_users_hub_connections_close_and_receive_no_more_order_changes(string change)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        api.RememberSecret(NewPassword);
        var merchantToken = merchant.DefaultRequestHeaders.Authorization!.Parameter;
        var adminToken = admin.DefaultRequestHeaders.Authorization!.Parameter;
        await using var merchantLive = await HubListener.ConnectAsync(api, () => Task.FromResult(merchantToken));
        await using var adminLive = await HubListener.ConnectAsync(api, () => Task.FromResult(adminToken));
        var before = await merchant.CreateOrderAsync();
        await merchantLive.WaitForAsync(l => l.OrderChanges(before.Id).Any(), "the merchant's own change while signed in");

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", Patch(change))).EnsureSuccessStatusCode();

        await merchantLive.WaitForAsync(l => l.Connection.State == HubConnectionState.Disconnected, "the server to close the merchant's connection");
        var heard = merchantLive.OrderChanges(before.Id).Count();
        await admin.MoveAsync(before.Id, OrderStatus.Confirmed);
        await adminLive.WaitForAsync(
            l => l.OrderChanges(before.Id).Any(c => c.GetProperty("status").GetString() == nameof(OrderStatus.Confirmed)),
            "the admin (still signed in) to hear of the merchant's order moving on");
        Assert.Equal(heard, merchantLive.OrderChanges(before.Id).Count());
    }
}

/// <summary>
/// Signing out ends the session the access token names (<c>sid</c>): its access token is refused on the next request
/// and its hub connections close, while the same user's other sessions go on. The instance that took the sign-out
/// forgets its cached answer at once.
/// </summary>
public sealed class SignOutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("with the refresh token")]
    [InlineData("with an empty body")]
    public async Task Signing_out_refuses_that_sessions_access_token_and_closes_its_hub_connection_but_not_another_sessions(string body)
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var (signingOut, refreshToken) = await SignInAsync(user);
        var (otherDevice, _) = await SignInAsync(user);
        var signingOutToken = signingOut.DefaultRequestHeaders.Authorization!.Parameter;
        var otherToken = otherDevice.DefaultRequestHeaders.Authorization!.Parameter;
        await using var signingOutLive = await HubListener.ConnectAsync(api, () => Task.FromResult(signingOutToken));
        await using var otherLive = await HubListener.ConnectAsync(api, () => Task.FromResult(otherToken));
        Assert.Equal(HttpStatusCode.OK, (await signingOut.GetAsync("/api/auth/me")).StatusCode);

        var logout = await signingOut.PostAsJsonAsync<object>("/api/auth/logout", body == "with an empty body" ? new { } : new { refreshToken });
        await logout.ShouldBeAsync(HttpStatusCode.NoContent);

        var me = await signingOut.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Equal("/problems/unauthenticated", (await me.ProblemAsync()).Type);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signingOut.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode);
        await signingOutLive.WaitForAsync(l => l.Connection.State == HubConnectionState.Disconnected, "the server to close the signed-out session's connection");

        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/api/auth/me")).StatusCode);
        var order = await otherDevice.CreateOrderAsync();
        await otherLive.WaitForAsync(l => l.OrderChanges(order.Id).Any(), "the other session's connection to stay open and hear its change");
        Assert.Equal(HubConnectionState.Connected, otherLive.Connection.State);
    }

    [Fact]
    public async Task An_access_token_without_a_session_is_refused()
    {
        var (merchant, user) = await api.SignedInAsync(UserRole.Merchant);
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        var withoutSession = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "order-tracking",
            Audience = "order-tracking",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(ApiFactory.SigningKey)), "HS256"),
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", user.Id.ToString()), new("name", "M"), new("role", "Merchant"), new("sv", "0", "http://www.w3.org/2001/XMLSchema#integer")]),
        });
        api.RememberSecret(withoutSession);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", withoutSession);

        Assert.Equal(HttpStatusCode.OK, (await merchant.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    private async Task<(HttpClient Client, string RefreshToken)> SignInAsync(TestUser user)
    {
        var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(login.AccessToken);
        api.RememberSecret(login.RefreshToken!);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.AccessToken);
        return (client, login.RefreshToken!);
    }
}

/// <summary>Two instances on one database: an account change made on one ends access on the other, with no message between them.</summary>
public sealed class SessionEndAcrossInstancesTests : IAsyncLifetime
{
    private readonly ApiFactory _first = new();
    private NoCacheInstance? _second;

    /// <summary>The second instance reads the session state on every request, as any instance does once its cache time has passed.</summary>
    private sealed class NoCacheInstance(string database) : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderTracking"] = database,
            ["Sessions:AccessCheckCacheSeconds"] = "0",
        };
    }

    public async Task InitializeAsync()
    {
        await _first.InitializeAsync();
        _second = new NoCacheInstance(_first.ConnectionString);
        await _second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _second!.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_deactivation_on_one_instance_refuses_the_token_and_closes_the_hub_connection_on_the_other()
    {
        var (admin, _) = await _first.SignedInAsync(UserRole.Admin);
        var user = await _first.CreateUserAsync(UserRole.Merchant);
        var merchantOnSecond = await _second!.ClientForAsync(user);
        var token = merchantOnSecond.DefaultRequestHeaders.Authorization!.Parameter;
        await using var live = await HubListener.ConnectAsync(_second, () => Task.FromResult(token));
        Assert.Equal(HttpStatusCode.OK, (await merchantOnSecond.GetAsync("/api/auth/me")).StatusCode);

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", new { isActive = false })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await merchantOnSecond.GetAsync("/api/auth/me")).StatusCode);
        await live.WaitForAsync(l => l.Connection.State == HubConnectionState.Disconnected, "the other instance's sweep to close the connection");
    }

    [Fact]
    public async Task A_sign_out_on_one_instance_refuses_that_sessions_token_and_closes_its_hub_connection_on_the_other()
    {
        var user = await _first.CreateUserAsync(UserRole.Merchant);
        var onFirst = await _first.ClientForAsync(user);
        var token = onFirst.DefaultRequestHeaders.Authorization!.Parameter;
        var onSecond = _second!.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = new("Bearer", token);
        await using var live = await HubListener.ConnectAsync(_second, () => Task.FromResult(token));
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/auth/me")).StatusCode);

        (await onFirst.PostAsJsonAsync("/api/auth/logout", new { })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await onSecond.GetAsync("/api/auth/me")).StatusCode);
        await live.WaitForAsync(l => l.Connection.State == HubConnectionState.Disconnected, "the other instance's sweep to close the signed-out session's connection");
    }
}

public sealed class SessionCheckCacheTests
{
    private sealed class WithCache(string seconds) : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Sessions:AccessCheckCacheSeconds"] = seconds };
    }

    [Fact]
    public void By_design_the_check_reuses_an_answer_for_a_few_seconds_at_most()
    {
        Assert.InRange(new SessionOptions().AccessCheckCacheSeconds, 0, SessionOptions.MaxAccessCheckCacheSeconds);
        Assert.InRange(SessionOptions.MaxAccessCheckCacheSeconds, 0, 5);
    }

    [Fact]
    public async Task Startup_refuses_a_cache_time_longer_than_a_few_seconds()
    {
        await using var host = new WithCache("60");
        await host.InitializeAsync();

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient()).GetBaseException();

        Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains("Sessions:AccessCheckCacheSeconds", failure.Message, StringComparison.Ordinal);
    }
}
