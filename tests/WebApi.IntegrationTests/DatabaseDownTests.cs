using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Users;
using OrderTracking.Testing;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The database cannot be reached at all (nothing listens on its port): the API says so honestly, once.</summary>
public sealed class DatabaseDownTests(DatabaseDownTests.Factory api) : IClassFixture<DatabaseDownTests.Factory>
{
    public sealed class Factory : ApiFactory
    {
        private readonly int _deadPort = LoopbackPort.Free();

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:OrderTracking"] = $"Host=127.0.0.1;Port={_deadPort};Username=postgres;Database=nowhere;Timeout=2",
        };
    }

    [Fact]
    public async Task A_sign_in_while_the_database_is_down_is_503_with_retry_after_and_its_own_problem_type()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "someone@example.com", password = "Whatever-123" });

        await response.ShouldBeAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        var problem = await response.ProblemAsync();
        Assert.Equal("/problems/service-unavailable", problem.Type);
        Assert.Equal(503, problem.Status);
    }

    [Fact]
    public async Task An_idempotent_create_while_the_database_is_down_is_503_and_logged_as_exactly_one_error()
    {
        var user = User.Create("merchant@example.com", "Merchant", UserRole.Merchant, "not-a-real-hash", DateTimeOffset.UtcNow);
        var token = api.Services.GetRequiredService<ITokenService>().CreateAccessToken(user, Guid.NewGuid()).Token;
        api.RememberSecret(token);
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var marker = $"/api/orders?marker={Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, marker) { Content = JsonContent.Create(OrderRequests.ValidOrder()) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var errorsBefore = ErrorLines().Count;

        var response = await client.SendAsync(request);

        await response.ShouldBeAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("/problems/service-unavailable", (await response.ProblemAsync()).Type);
        var errors = ErrorLines().Skip(errorsBefore).ToList();
        var entry = Assert.Single(errors);
        Assert.Contains("503", entry);
        Assert.DoesNotContain("   at ", entry);
    }

    [Fact]
    public async Task Readiness_is_unhealthy_while_the_database_is_down_and_liveness_is_not()
    {
        var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>Error entries of request handling; health probes and the warm-up report the database on their own.</summary>
    private List<string> ErrorLines() =>
        api.Logs.Lines.Where(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal))
            .Where(line => !line.Contains("HealthCheck", StringComparison.Ordinal))
            .ToList();
}
