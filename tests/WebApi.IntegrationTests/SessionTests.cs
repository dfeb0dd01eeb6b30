using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class SessionTests(SessionTests.Factory api) : IClassFixture<SessionTests.Factory>
{
    /// <summary>No grace window, so a replayed token is caught at once.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Sessions:RefreshReuseGraceSeconds"] = "0" };
    }

    private async Task<LoginResponse> LoginAsync(TestUser user)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var login = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(login.RefreshToken!);
        api.RememberSecret(login.AccessToken);
        return login;
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await api.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private async Task<LoginResponse> RefreshOkAsync(string refreshToken)
    {
        var response = await RefreshAsync(refreshToken);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var pair = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(pair.RefreshToken!);
        api.RememberSecret(pair.AccessToken);
        return pair;
    }

    [Fact]
    public async Task Each_refresh_spends_the_token_and_returns_a_new_working_pair()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var first = await LoginAsync(user);
        Assert.True(Base64UrlLength(first.RefreshToken!) >= 32);

        var second = await RefreshOkAsync(first.RefreshToken!);
        var third = await RefreshOkAsync(second.RefreshToken!);

        Assert.Equal(3, new[] { first.RefreshToken, second.RefreshToken, third.RefreshToken }.Distinct().Count());
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", third.AccessToken);
        Assert.Equal(user.Id, (await client.GetFromJsonAsync<UserResponse>("/api/auth/me", Json.Options))!.Id);
        Assert.Equal(user.Id, third.User.Id);
    }

    [Fact]
    public async Task A_spent_token_coming_back_revokes_the_whole_family_and_only_that_family()
    {
        var user = await api.CreateUserAsync(UserRole.Delivery);
        var stolen = await LoginAsync(user);
        var otherDevice = await LoginAsync(user);
        var rotated = await RefreshOkAsync(stolen.RefreshToken!);

        var replay = await RefreshAsync(stolen.RefreshToken!);
        var newestAfterReplay = await RefreshAsync(rotated.RefreshToken!);
        var otherFamily = await RefreshAsync(otherDevice.RefreshToken!);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newestAfterReplay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherFamily.StatusCode);
        api.RememberSecret((await otherFamily.ReadAsync<LoginResponse>()).RefreshToken!);
    }

    [Fact]
    public async Task Logout_ends_the_session_of_that_refresh_token()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var login = await LoginAsync(user);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);

        var logout = await client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = login.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(login.RefreshToken!)).StatusCode);
    }

    [Theory]
    [InlineData("deactivate")]
    [InlineData("role")]
    [InlineData("password")]
    public async Task Deactivation_role_change_and_password_reset_cut_off_refresh(string change)
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var login = await LoginAsync(user);
        object patch = change switch
        {
            "deactivate" => new { isActive = false },
            "role" => new { role = "Delivery" },
            _ => new { password = "A-brand-new-password1" },
        };
        api.RememberSecret("A-brand-new-password1");

        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", patch)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(login.RefreshToken!)).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_with_the_same_answer_as_an_unknown_email_and_a_reset_unlocks()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var client = api.CreateClient();
        async Task<HttpResponseMessage> Login(string email, string password) =>
            await client.PostAsJsonAsync("/api/auth/login", new { email, password });

        var failures = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await Login(user.Email, "wrong-password"));
        }

        var rightPasswordWhileLocked = await Login(user.Email, user.Password);
        var unknownEmail = await Login("nobody-at-all@example.com", "wrong-password");

        Assert.All(failures.Append(rightPasswordWhileLocked).Append(unknownEmail), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var locked = await rightPasswordWhileLocked.ProblemAsync();
        var unknown = await unknownEmail.ProblemAsync();
        Assert.Equal((locked.Type, locked.Title, locked.Detail), (unknown.Type, unknown.Title, unknown.Detail));
        Assert.NotNull((await admin.GetFromJsonAsync<UserWithLock>($"/api/users/{user.Id}", Json.Options))!.LockedUntil);

        api.RememberSecret("Unlocked-by-admin-1");
        (await admin.PatchAsJsonAsync($"/api/users/{user.Id}", new { password = "Unlocked-by-admin-1" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await Login(user.Email, "Unlocked-by-admin-1")).StatusCode);
    }

    [Fact]
    public async Task Parallel_wrong_guesses_are_all_counted()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var client = api.CreateClient();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "guess" })));
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    private sealed record UserWithLock(Guid Id, DateTimeOffset? LockedUntil);

    private static int Base64UrlLength(string token) => System.Buffers.Text.Base64Url.DecodeFromChars(token).Length;
}

public sealed class RefreshGraceTests(RefreshGraceTests.Factory api) : IClassFixture<RefreshGraceTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Sessions:RefreshReuseGraceSeconds"] = "60" };
    }

    private async Task<LoginResponse> RefreshOkAsync(string refreshToken)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        await response.ShouldBeAsync(HttpStatusCode.OK);
        var pair = await response.ReadAsync<LoginResponse>();
        api.RememberSecret(pair.RefreshToken!);
        api.RememberSecret(pair.AccessToken);
        return pair;
    }

    private Task<int> RefreshTokensOfAsync(Guid userId) =>
        api.WithDbAsync(db => Task.FromResult(db.RefreshTokens.Count(t => db.SessionFamilies.Any(f => f.Id == t.FamilyId && f.UserId == userId))));

    [Fact]
    public async Task Two_tabs_refreshing_with_the_same_token_at_once_get_the_same_successor()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var login = await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<LoginResponse>();
        api.RememberSecret(login.RefreshToken!);

        var tabs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => RefreshOkAsync(login.RefreshToken!)));

        Assert.Equal(tabs[0].RefreshToken, tabs[1].RefreshToken);
        Assert.Equal(2, await RefreshTokensOfAsync(user.Id));
        await RefreshOkAsync(tabs[0].RefreshToken!);
    }

    [Fact]
    public async Task Within_the_grace_a_spent_token_returns_the_successor_it_returned_the_first_time_and_opens_no_second_branch()
    {
        var user = await api.CreateUserAsync(UserRole.Merchant);
        var login = await (await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password })).ReadAsync<LoginResponse>();
        api.RememberSecret(login.RefreshToken!);

        var first = await RefreshOkAsync(login.RefreshToken!);
        var repeat = await RefreshOkAsync(login.RefreshToken!);
        Assert.Equal(first.RefreshToken, repeat.RefreshToken);
        Assert.Equal(2, await RefreshTokensOfAsync(user.Id));

        // The one line of tokens moves on; the first token still answers with its own successor, not a new branch.
        var next = await RefreshOkAsync(first.RefreshToken!);
        Assert.NotEqual(first.RefreshToken, next.RefreshToken);
        Assert.Equal(first.RefreshToken, (await RefreshOkAsync(login.RefreshToken!)).RefreshToken);
        Assert.Equal(next.RefreshToken, (await RefreshOkAsync(first.RefreshToken!)).RefreshToken);
        Assert.Equal(3, await RefreshTokensOfAsync(user.Id));
        var me = api.CreateClient();
        me.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", repeat.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await me.GetAsync("/api/auth/me")).StatusCode);
    }
}
