using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrderTracking.Benchmarks;

/// <summary>The product's API as the benchmark uses it to make its data: signed in as one account, every call checked.</summary>
public sealed class ProductApi : IDisposable
{
    /// <summary>The order every create request sends: two items, as in issue 12's table.</summary>
    public const string NewOrderJson = """
        {"customer":{"name":"Ada Bench","phone":"+44 20 7946 0000","email":"ada@bench.example"},"deliveryAddress":{"line1":"1 Load Street","line2":null,"city":"London","postalCode":"N1 9GU","country":"GB"},"items":[{"name":"Tea","quantity":2,"unitPrice":4.5},{"name":"Scones","quantity":6,"unitPrice":1.25}],"currency":"EUR","notes":"Ring twice"}
        """;

    private readonly HttpClient _http;

    private ProductApi(HttpClient http, string token)
    {
        _http = http;
        Token = token;
    }

    public string Token { get; }

    public static async Task<ProductApi> SignInAsync(Uri baseAddress, string email)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = BenchCast.Password });
        var login = await ReadAsync(response, "sign in as " + email);
        var token = login.GetProperty("accessToken").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ProductApi(http, token);
    }

    public async Task<(Guid Id, string TrackingCode)> CreateOrderAsync()
    {
        using var content = new StringContent(NewOrderJson, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/api/orders", content);
        var order = await ReadAsync(response, "create an order");
        return (order.GetProperty("id").GetGuid(), order.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>Moves an order; answers the new version.</summary>
    /// <summary>Moves the order; returns its <c>updatedAt</c> after the move (in ticks), which its <c>orderChanged</c> carries too.</summary>
    public async Task<long> ChangeStatusAsync(Guid orderId, string status, string? reason = null)
    {
        using var response = await _http.PostAsJsonAsync($"/api/orders/{orderId}/status", new { status, reason });
        return (await ReadAsync(response, $"move order {orderId} to {status}")).GetProperty("updatedAt").GetDateTimeOffset().UtcTicks;
    }

    public async Task AssignPartnerAsync(Guid orderId, Guid partnerId)
    {
        using var response = await _http.PostAsJsonAsync($"/api/orders/{orderId}/assignment", new { partnerId });
        await ReadAsync(response, $"assign order {orderId}");
    }

    public async Task<Guid> PartnerIdAsync(string name)
    {
        using var response = await _http.GetAsync("/api/partners");
        var partners = await ReadAsync(response, "list partners");
        return partners.EnumerateArray().First(p => p.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>A fresh API key for the partner (shown once by the API; the benchmark keeps it in memory only).</summary>
    public async Task<string> IssueApiKeyAsync(Guid partnerId)
    {
        using var response = await _http.PostAsJsonAsync($"/api/partners/{partnerId}/api-keys", new { name = "bench " + DateTime.UtcNow.ToString("O") });
        return (await ReadAsync(response, "issue an API key")).GetProperty("key").GetString()!;
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return await ReadAsync(response, "GET " + path);
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
