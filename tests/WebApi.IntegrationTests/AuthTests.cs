using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class AuthTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Login_with_correct_credentials_returns_a_token_that_identifies_the_user()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant, email: "Mixed.Case@Example.com");
        var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = "  mixed.case@example.COM ", password = user.Password });

        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        Assert.False(string.IsNullOrEmpty(login.AccessToken));
        Assert.Equal(15 * 60, login.ExpiresIn);
        Assert.Equal(user.Id, login.User.Id);
        client.DefaultRequestHeaders.Authorization = new("Bearer", login.AccessToken);
        var me = await client.GetFromJsonAsync<UserResponse>("/api/auth/me", Json.Options);
        Assert.Equal("mixed.case@example.com", me!.Email);
        Assert.Equal(UserRole.Merchant, me.Role);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_401_answer()
    {
        var user = await api.CreateUserAsync(UserRole.Admin);
        var client = api.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "not-the-password" });
        var unknownEmail = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody-here@example.com", password = "not-the-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownEmail.StatusCode);
        var a = await wrongPassword.ProblemAsync();
        var b = await unknownEmail.ProblemAsync();
        Assert.Equal((a.Type, a.Title, a.Status, a.Detail), (b.Type, b.Title, b.Status, b.Detail));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        (await admin.PatchAsJsonAsync($"/api/users/{courier.Id}", new { isActive = false })).EnsureSuccessStatusCode();

        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = courier.Email, password = courier.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Nobody_can_create_an_account_without_signing_in_as_admin()
    {
        var body = new { email = "intruder@example.com", password = "Intruder123!", displayName = "Intruder", role = "Admin" };

        var anonymous = await api.CreateClient().PostAsJsonAsync("/api/users", body);
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var asMerchant = await merchant.PostAsJsonAsync("/api/users", body);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asMerchant.StatusCode);
        Assert.False(await api.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "intruder@example.com"))));
    }

    [Fact]
    public async Task Me_without_a_token_is_401_problem_details()
    {
        var response = await api.CreateClient().GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.EndsWith("/unauthenticated", (await response.ProblemAsync()).Type);
    }
}
