using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Orders;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

public static class HttpClientExtensions
{
    public static async Task<OrderResponse> CreateOrderAsync(this HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/api/orders", body ?? OrderRequests.ValidOrder());
        await response.ShouldBeAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(Json.Options))!;
    }

    public static Task<HttpResponseMessage> ChangeStatusAsync(this HttpClient client, Guid orderId, OrderStatus status, string? reason = null, string? note = null, string? recipientName = null) =>
        client.PostAsJsonAsync($"/api/orders/{orderId}/status", new { status = status.ToString(), reason, note, recipientName });

    public static async Task<OrderResponse> MoveAsync(this HttpClient client, Guid orderId, OrderStatus status, string? reason = null, string? note = null)
    {
        var response = await client.ChangeStatusAsync(orderId, status, reason, note);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<OrderResponse>(Json.Options))!;
    }

    /// <summary>Takes a new order through the merchant's steps to ReadyForPickup.</summary>
    public static async Task<OrderResponse> ReadyForPickupAsync(this HttpClient merchant)
    {
        var order = await merchant.CreateOrderAsync();
        await merchant.MoveAsync(order.Id, OrderStatus.Confirmed);
        await merchant.MoveAsync(order.Id, OrderStatus.Preparing);
        return await merchant.MoveAsync(order.Id, OrderStatus.ReadyForPickup);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;

    public static async Task<ProblemResponse> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemResponse>(Json.Options))!;
    }

    /// <summary>Asserts the status code and shows the body when it is not the expected one.</summary>
    public static async Task ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }
}
