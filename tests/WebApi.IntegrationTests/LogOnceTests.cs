using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>An Error entry in the log means a request failed, once; expected outcomes write none.</summary>
public sealed class LogOnceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static List<string> Errors(ApiFactory factory) =>
        factory.Logs.Lines.Where(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_replayed_create_whose_key_meets_a_unique_violation_logs_no_error()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var key = Guid.NewGuid().ToString();
        var body = OrderRequests.ValidOrder();
        var responses = new List<HttpResponseMessage>();

        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            responses.Add(await merchant.SendAsync(request));
        }

        // The replay is only ever reached through the INSERT of the key failing on its unique constraint.
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(responses[1].Headers.Contains("Idempotent-Replayed"));
        Assert.Empty(Errors(api));
    }

    [Fact]
    public async Task The_first_start_on_a_fresh_database_migrates_it_without_logging_an_error()
    {
        var fresh = await (await PostgresServer.InstanceAsync()).CreateEmptyDatabaseAsync();
        await using var factory = new FreshDatabaseFactory(fresh);
        await factory.InitializeAsync();

        var ready = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains(factory.Logs.Lines, line => line.Contains("Database schema is up to date", StringComparison.Ordinal));
        Assert.Empty(Errors(factory));
    }

    private sealed class FreshDatabaseFactory(string connectionString) : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderTracking"] = connectionString,
            ["Database:MigrateOnStartup"] = "true",
        };
    }
}
