using System.Net;
using System.Text.Json;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class PlatformTests(PlatformTests.Factory api) : IClassFixture<PlatformTests.Factory>
{
    /// <summary>The app with its live OpenAPI document switched on, as an operator may outside Development.</summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" };
    }

    [Fact]
    public async Task Health_endpoints_answer_and_ready_checks_the_database()
    {
        var client = api.CreateClient();

        var live = await client.GetAsync("/health/live");

        // Not ready until the warm-up has run; then ready for good.
        var ready = await client.GetAsync("/health/ready");
        for (var probe = 0; ready.StatusCode != HttpStatusCode.OK && probe < 100; probe++)
        {
            await Task.Delay(100);
            ready = await client.GetAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_route_with_the_bearer_scheme_and_docs_redirects_to_swagger()
    {
        var client = api.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"));
        var docs = await api.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/docs");
        var ui = await client.GetAsync("/swagger/index.html");

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var route in new[]
        {
            "/api/auth/login", "/api/auth/me", "/api/users", "/api/users/{id}", "/api/orders", "/api/orders/{id}",
            "/api/orders/{id}/status", "/api/orders/{id}/assignment", "/api/orders/{id}/claim", "/api/orders/{id}/history",
            "/api/orders/export", "/api/tracking/{trackingCode}",
        })
        {
            Assert.Contains(route, paths);
        }

        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        var queryParameters = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .SelectMany(operation => operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(parameter => parameter.GetProperty("in").GetString() == "query")
            .Select(parameter => parameter.GetProperty("name").GetString()!)
            .ToList();
        Assert.Contains("createdFrom", queryParameters);
        Assert.All(queryParameters, name => Assert.True(char.IsLower(name[0]), $"query parameter '{name}' is not camelCase"));
        Assert.Equal(HttpStatusCode.Redirect, docs.StatusCode);
        Assert.Equal("/swagger", docs.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task The_committed_OpenAPI_document_matches_what_the_api_serves()
    {
        var served = await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        var committedPath = Path.Combine(RepositoryRoot(), "src", "WebApi", "openapi.json");

        var committed = await File.ReadAllTextAsync(committedPath);

        Assert.True(
            JsonDocument.Parse(served).RootElement.GetProperty("paths").ToString() == JsonDocument.Parse(committed).RootElement.GetProperty("paths").ToString()
            && JsonDocument.Parse(served).RootElement.GetProperty("components").ToString() == JsonDocument.Parse(committed).RootElement.GetProperty("components").ToString(),
            "src/WebApi/openapi.json is out of date: run scripts/generate-api.sh and commit the result.");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrderTracking.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("OrderTracking.sln not found above the test binaries.");
    }
}
