using System.Text.Json;
using OrderTracking.Domain.Orders;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The served document says what the code does: the fuzz stage (tests/fuzz) checks every answer against it, and these
/// pin the parts a regression in the document processors would lose first.
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.Factory api) : IClassFixture<OpenApiDocumentTests.Factory>
{
    /// <summary>The live document is served outside Development only when enabled (tests run as "Testing").</summary>
    public sealed class Factory : ApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["OpenApi:Enabled"] = "true" };
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var document = JsonDocument.Parse(await api.CreateClient().GetStringAsync("/swagger/v1/swagger.json"));
        return document.RootElement.Clone();
    }

    private static IEnumerable<(string Operation, string Status, JsonElement Response)> Responses(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .SelectMany(operation => operation.Value.GetProperty("responses").EnumerateObject().Select(response => (operation.Name, response.Name, response.Value)));

    [Fact]
    public async Task Every_error_is_documented_as_problem_json_and_every_operation_declares_429_500_and_503()
    {
        var document = await DocumentAsync();
        var responses = Responses(document).ToList();

        Assert.All(responses.Where(r => int.Parse(r.Status) >= 400), r =>
            Assert.Equal(new[] { "application/problem+json" }, r.Response.GetProperty("content").EnumerateObject().Select(c => c.Name)));
        Assert.All(responses.GroupBy(r => r.Operation), operation =>
        {
            Assert.Contains(operation, r => r.Status == "429" && r.Response.GetProperty("headers").TryGetProperty("Retry-After", out _));
            Assert.Contains(operation, r => r.Status == "500");
            Assert.Contains(operation, r => r.Status == "503" && r.Response.GetProperty("headers").TryGetProperty("Retry-After", out _));
        });
    }

    [Fact]
    public async Task The_export_is_text_csv_and_the_statuses_the_code_answers_are_declared()
    {
        var document = await DocumentAsync();
        var statuses = Responses(document).ToLookup(r => r.Operation, r => r.Status);

        var export = document.GetProperty("paths").GetProperty("/api/orders/export").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.Equal(new[] { "text/csv" }, export.GetProperty("content").EnumerateObject().Select(c => c.Name));
        Assert.Contains("409", statuses["PATCH /api/users/{id}"]);
        Assert.Contains("409", statuses["PATCH /api/partners/{id}"]);
        Assert.Contains("422", statuses["POST /api/orders"]);
        Assert.Contains("404", statuses["GET /api/orders/{id}"]);
    }

    [Fact]
    public async Task Request_schemas_carry_the_validators_rules_and_standard_formats()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var createOrder = schemas.GetProperty("CreateOrderCommand");
        var customer = schemas.GetProperty("CustomerDto");
        var createUser = schemas.GetProperty("CreateUserCommand");

        Assert.Equal(new[] { "customer", "deliveryAddress", "items", "currency" }, createOrder.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(createOrder.GetProperty("properties").GetProperty("currency").TryGetProperty("nullable", out _));
        Assert.Equal(Customer.MaxNameLength, customer.GetProperty("properties").GetProperty("name").GetProperty("maxLength").GetInt32());
        Assert.Equal("email", createUser.GetProperty("properties").GetProperty("email").GetProperty("format").GetString());
        Assert.DoesNotContain("\"guid\"", document.GetRawText());
        Assert.Equal("uuid", createOrder.GetProperty("properties").GetProperty("merchantId").GetProperty("format").GetString());
    }
}
