using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Npgsql;
using OrderTracking.DemoData;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Real WebApi processes starting and stopping as an orchestrator and a load balancer see them.</summary>
public sealed class InstanceLifecycleTests
{
    private static async Task<string> EmptyDatabaseAsync() => await (await PostgresServer.InstanceAsync()).CreateEmptyDatabaseAsync();

    [Fact]
    public async Task On_SIGTERM_readiness_turns_unhealthy_at_once_while_the_instance_keeps_serving_for_the_drain_delay()
    {
        var database = await EmptyDatabaseAsync();
        Assert.Equal(0, (await WebApiProcess.RunVerbAsync(database, "migrate")).ExitCode);
        Assert.Equal(0, (await WebApiProcess.RunVerbAsync(database, "create-admin", "--email", "ops@example.com", "--password", "Drain-admin-1", "--name", "Ops")).ExitCode);
        await using var instance = WebApiProcess.StartWith(database, new Dictionary<string, string> { ["Shutdown__DrainDelaySeconds"] = "5" });
        await instance.WaitUntilReadyAsync();
        using var client = new HttpClient { BaseAddress = instance.BaseAddress };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email = "ops@example.com", password = "Drain-admin-1" });
        await login.ShouldBeAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.ReadAsync<LoginResponse>()).AccessToken);

        instance.Terminate();

        // Every probe answers (the port stays open) and the first non-ready answer comes well inside the delay.
        HttpStatusCode ready;
        var probes = 0;
        do
        {
            ready = (await client.GetAsync("/health/ready")).StatusCode;
            Assert.True(++probes < 200, "readiness never turned unhealthy");
        }
        while (ready == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/orders")).StatusCode);
        await instance.WaitForExitAsync(TimeSpan.FromSeconds(40));
        Assert.Equal(0, instance.ExitCode);
    }

    [Fact]
    public async Task Two_Development_instances_starting_together_on_an_empty_database_both_come_up_with_the_demo_data_once()
    {
        var database = await EmptyDatabaseAsync();
        var development = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };

        await using var a = WebApiProcess.StartWith(database, development);
        await using var b = WebApiProcess.StartWith(database, development);
        // Seeding forty orders on a busy machine takes a while; the second instance waits for it under the lock.
        await Task.WhenAll(a.WaitUntilReadyAsync(TimeSpan.FromMinutes(3)), b.WaitUntilReadyAsync(TimeSpan.FromMinutes(3)));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var users = new NpgsqlCommand("SELECT count(*) FROM users", connection);
        Assert.Equal(DemoAccounts.All.Count, Convert.ToInt32(await users.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }
}
