using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class UsersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Admin_creates_lists_reads_and_updates_users()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);

        var created = await admin.PostAsJsonAsync("/api/users", new { email = "new.courier@example.com", password = "Courier123!", displayName = "New Courier", role = "Delivery" });
        await created.ShouldBeAsync(HttpStatusCode.Created);
        var user = await created.ReadAsync<UserResponse>();
        Assert.Equal($"/api/users/{user.Id}", created.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("password", await created.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        var couriers = await admin.GetFromJsonAsync<List<UserResponse>>("/api/users?role=Delivery", Json.Options);
        Assert.Contains(couriers!, u => u.Id == user.Id);
        Assert.All(couriers!, u => Assert.Equal(UserRole.Delivery, u.Role));

        var patched = await admin.PatchAsJsonAsync($"/api/users/{user.Id}", new { displayName = "Renamed", role = "Merchant", password = "NewPassword1!" });
        await patched.ShouldBeAsync(HttpStatusCode.OK);
        var read = await admin.GetFromJsonAsync<UserResponse>($"/api/users/{user.Id}", Json.Options);
        Assert.Equal(("Renamed", UserRole.Merchant), (read!.DisplayName, read.Role));

        var login = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "new.courier@example.com", password = "NewPassword1!" });
        await login.ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Creating_a_user_with_a_taken_email_is_409_and_bad_fields_are_all_reported()
    {
        var (admin, existing) = await api.SignedInAsync(UserRole.Admin);

        var duplicate = await admin.PostAsJsonAsync("/api/users", new { email = existing.Email, password = "Password123!", displayName = "Dup", role = "Merchant" });
        var invalid = await admin.PostAsJsonAsync("/api/users", new { email = "not-an-email", password = "short", displayName = "", role = "Boss" });
        var invalidFields = await admin.PostAsJsonAsync("/api/users", new { email = "not-an-email", password = "short", displayName = "" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalidFields.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, invalidFields.StatusCode);
        Assert.Equal(["displayName", "email", "password", "role"], problem.Errors!.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Admin_searches_users_by_name_or_email_in_any_case_and_filters_by_role()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var merchant = await api.CreateUserAsync(UserRole.Merchant, displayName: $"Bakery {tag}");
        var courier = await api.CreateUserAsync(UserRole.Delivery, email: $"rider-{tag}@example.com", displayName: "Rider");
        await api.CreateUserAsync(UserRole.Merchant, displayName: "Someone else");

        var byName = await admin.GetFromJsonAsync<List<UserResponse>>($"/api/users?search=BAKERY%20{tag.ToUpperInvariant()}", Json.Options);
        var byEmail = await admin.GetFromJsonAsync<List<UserResponse>>($"/api/users?search={tag}", Json.Options);
        var couriersOnly = await admin.GetFromJsonAsync<List<UserResponse>>($"/api/users?search={tag}&role=Delivery", Json.Options);
        var wildcard = await admin.GetFromJsonAsync<List<UserResponse>>("/api/users?search=%25", Json.Options);
        var tooLong = await admin.GetAsync($"/api/users?search={new string('a', 101)}");

        Assert.Equal([merchant.Id], byName!.Select(u => u.Id));
        Assert.Equal(new[] { courier.Id, merchant.Id }.Order(), byEmail!.Select(u => u.Id).Order());
        Assert.Equal([courier.Id], couriersOnly!.Select(u => u.Id));
        Assert.Empty(wildcard!);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_itself_and_unknown_users_are_404()
    {
        var (admin, me) = await api.SignedInAsync(UserRole.Admin);

        var self = await admin.PatchAsJsonAsync($"/api/users/{me.Id}", new { isActive = false });
        var unknown = await admin.GetAsync($"/api/users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData(UserRole.Merchant)]
    [InlineData(UserRole.Delivery)]
    public async Task Only_admins_reach_the_users_routes(UserRole role)
    {
        var (client, _) = await api.SignedInAsync(role);

        var list = await client.GetAsync("/api/users");
        var get = await client.GetAsync($"/api/users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.EndsWith("/forbidden", (await list.ProblemAsync()).Type);
    }
}
