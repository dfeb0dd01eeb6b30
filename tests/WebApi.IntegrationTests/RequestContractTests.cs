using System.Net;
using System.Net.Http.Json;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.Http;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The HTTP contract around the operations: a known route with a method it does not take answers 405 with
/// <c>Allow</c>, and a body with a field the schema does not name is refused (ADR 0018), as the document says.
/// </summary>
public sealed class RequestContractTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("DELETE", "/api/orders", "GET, POST")]
    [InlineData("PUT", "/api/orders/0b6a4c8e-3f7a-4c55-9f40-2a1d6f0a6b11", "GET")]
    [InlineData("GET", "/api/orders/0b6a4c8e-3f7a-4c55-9f40-2a1d6f0a6b11/status", "POST")]
    [InlineData("POST", "/api/tracking/OT-0000000001", "GET")]
    public async Task A_known_route_with_a_method_it_does_not_take_answers_405_with_Allow(string method, string path, string allow)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal(ProblemTypes.MethodNotAllowed, (await response.ProblemAsync()).Type);
    }

    [Fact]
    public async Task A_path_that_no_route_takes_still_answers_404_whatever_the_method_or_the_route_constraint()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var unknown = await merchant.DeleteAsync("/api/nothing-here");
        var notAGuid = await merchant.PutAsync("/api/orders/not-a-guid", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAGuid.StatusCode);
        Assert.Empty(notAGuid.Content.Headers.Allow);
        Assert.Equal(ProblemTypes.NotFound, (await notAGuid.ProblemAsync()).Type);
    }

    [Fact]
    public async Task A_body_with_an_unknown_field_is_refused_with_400_naming_it_and_creates_nothing()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var order = System.Text.Json.JsonSerializer.SerializeToNode(OrderRequests.ValidOrder(), Json.Options)!.AsObject();
        order["customer"]!.AsObject()["nickname"] = "Jay";

        var response = await merchant.PostAsJsonAsync("/api/orders", order);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(ProblemTypes.Validation, problem.Type);
        Assert.Equal(ModelStateProblems.UnknownField, Assert.Single(Assert.Contains("customer.nickname", problem.Errors!)));
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Fact]
    public async Task A_status_change_with_a_misspelt_field_is_refused_instead_of_moving_the_order_without_it()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var response = await merchant.PostAsJsonAsync($"/api/orders/{order.Id}/status", new { status = "Cancelled", reson = "Customer asked" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reson", (await response.ProblemAsync()).Errors!.Keys);
        var now = await merchant.GetFromJsonAsync<OrderResponse>($"/api/orders/{order.Id}", Json.Options);
        Assert.Equal("Pending", now!.Status.ToString());
    }
}
