using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The built program's <c>create-admin</c> verb, run as an operator runs it, without the password on the command line.</summary>
public sealed class CreateAdminTests
{
    private sealed class OnDatabase(string database) : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["ConnectionStrings:OrderTracking"] = database };
    }

    private static async Task<string> MigratedDatabaseAsync()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateEmptyDatabaseAsync();
        var (exitCode, output) = await WebApiProcess.RunVerbAsync(database, "migrate");
        Assert.True(exitCode == 0, output);
        return database;
    }

    [Fact]
    public async Task Without_password_it_reads_it_from_standard_input_and_the_admin_can_sign_in()
    {
        var database = await MigratedDatabaseAsync();
        const string password = "Piped-admin-password-1";

        var (exitCode, output) = await WebApiProcess.RunVerbWithInputAsync(database, password + "\n", "create-admin", "--email", "Piped.Admin@example.com", "--name", "Piped");

        Assert.True(exitCode == 0, output);
        Assert.Contains("Admin piped.admin@example.com created.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        await using var api = new OnDatabase(database);
        await api.InitializeAsync();
        var login = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "piped.admin@example.com", password });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(UserRole.Admin, (await login.ReadAsync<LoginResponse>()).User.Role);
    }

    [Fact]
    public async Task An_empty_or_weak_password_on_standard_input_is_refused_with_the_rule_and_nothing_is_created()
    {
        var database = await MigratedDatabaseAsync();

        var (exitCode, output) = await WebApiProcess.RunVerbWithInputAsync(database, "short\n", "create-admin", "--email", "weak@example.com");

        Assert.True(exitCode == 2, output);
        Assert.Contains("--password", output, StringComparison.Ordinal);
        await using var api = new OnDatabase(database);
        await api.InitializeAsync();
        Assert.False(await api.WithDbAsync(db => Task.FromResult(db.Users.Any(u => u.Email == "weak@example.com"))));
    }
}
