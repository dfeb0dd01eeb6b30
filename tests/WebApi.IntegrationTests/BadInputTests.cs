using System.Net;
using System.Net.Http.Json;
using System.Text;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>Bad input gets a clear 4xx problem and changes nothing; nothing a client sends produces a 500.</summary>
public sealed class BadInputTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Every_bad_field_of_an_order_is_reported_at_once_keyed_by_camelCase_path_and_nothing_is_created()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var body = new
        {
            customer = new { name = "", phone = "call me", email = "not-an-email" },
            deliveryAddress = new { line1 = new string('x', 201), city = "", postalCode = "1", country = "UK" },
            items = new object[]
            {
                new { name = "ok", quantity = 0, unitPrice = 1.234m },
                new { name = new string('n', 201), quantity = 10_001, unitPrice = -1m },
            },
            currency = "XYZ",
            estimatedDeliveryAt = DateTimeOffset.UtcNow.AddDays(-1),
        };

        var response = await merchant.PostAsJsonAsync("/api/orders", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.EndsWith("/validation", problem.Type);
        Assert.Equal(
            [
                "currency", "customer.email", "customer.name", "customer.phone", "deliveryAddress.city", "deliveryAddress.line1",
                "estimatedDeliveryAt", "items[0].quantity", "items[0].unitPrice", "items[1].name", "items[1].quantity", "items[1].unitPrice",
            ],
            problem.Errors!.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Fact]
    public async Task Item_count_limits_are_enforced()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        object Order(int items) => new
        {
            customer = new { name = "A", phone = "+44 7700 900123" },
            deliveryAddress = new { line1 = "1 Road", city = "Town", postalCode = "AB1 2CD", country = "UK" },
            items = Enumerable.Range(0, items).Select(i => new { name = $"Item {i}", quantity = 1, unitPrice = 1m }),
            currency = "EUR",
        };

        var none = await merchant.PostAsJsonAsync("/api/orders", Order(0));
        var tooMany = await merchant.PostAsJsonAsync("/api/orders", Order(101));
        var most = await merchant.PostAsJsonAsync("/api/orders", Order(100));

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("items", (await none.ProblemAsync()).Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        await most.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(100m, (await most.ReadAsync<OrderResponse>()).Total);
    }

    [Theory]
    [InlineData("{\"customer\": {\"name\": \"A\"", "malformed JSON")]
    [InlineData("{\"items\": [{\"name\": \"x\", \"quantity\": \"lots\", \"unitPrice\": 1}]}", "wrong type")]
    [InlineData("{\"items\": \"not an array\"}", "wrong shape")]
    [InlineData("[]", "array instead of object")]
    [InlineData("", "empty body")]
    [InlineData("null", "null body")]
    public async Task Unreadable_order_bodies_are_400_problems(string json, string because)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.PostAsync("/api/orders", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}");
        await response.ProblemAsync();
    }

    [Fact]
    public async Task Unknown_enum_values_and_numeric_enums_are_400()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var unknown = await merchant.PostAsync($"/api/orders/{order.Id}/status", new StringContent("{\"status\":\"Teleported\"}", Encoding.UTF8, "application/json"));
        var numeric = await merchant.PostAsync($"/api/orders/{order.Id}/status", new StringContent("{\"status\":1}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, numeric.StatusCode);
        await unknown.ProblemAsync();
    }

    [Fact]
    public async Task A_2_MB_body_is_refused_with_413_and_creates_nothing()
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var huge = "{\"notes\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var response = await merchant.PostAsync("/api/orders", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.EndsWith("/payload-too-large", (await response.ProblemAsync()).Type);
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Fact]
    public async Task Malformed_ids_unknown_routes_and_wrong_content_types_are_4xx_problems()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var badId = await merchant.GetAsync("/api/orders/not-a-guid");
        var unknownRoute = await merchant.GetAsync("/api/nothing-here");
        var xml = await merchant.PostAsync("/api/orders", new StringContent("<order/>", Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRoute.StatusCode);
        await unknownRoute.ProblemAsync();
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }
}
