using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.Http;
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

    public static TheoryData<string> TextFields() =>
    [
        "login.email", "login.password",
        "order.customer.name", "order.customer.phone", "order.customer.email",
        "order.deliveryAddress.line1", "order.deliveryAddress.line2", "order.deliveryAddress.city",
        "order.deliveryAddress.postalCode", "order.deliveryAddress.country",
        "order.items[0].name", "order.currency", "order.notes",
        "status.note", "status.reason", "status.recipientName",
        "createUser.email", "createUser.displayName", "createUser.password", "updateUser.displayName",
        "createPartner.name", "updatePartner.name", "issueApiKey.name",
    ];

    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task A_NUL_character_in_any_text_field_is_a_400_naming_the_field(string field)
    {
        var (operation, path) = (field[..field.IndexOf('.')], field[(field.IndexOf('.') + 1)..]);
        var (client, url, body) = await RequestForAsync(operation);
        Set(body, path, "before\u0000after");

        var response = await client.SendAsync(new HttpRequestMessage(operation.StartsWith("update", StringComparison.Ordinal) ? HttpMethod.Patch : HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        });

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        Assert.Equal([path], problem.Errors!.Keys);
        Assert.Equal(Text.ControlCharactersMessage, Assert.Single(problem.Errors[path]));
    }

    [Theory]
    [InlineData("\u0007")]
    [InlineData("\u001B[31m")]
    [InlineData("\u007F")]
    [InlineData("\u0085")]
    public async Task Other_control_characters_are_refused_and_nothing_is_stored_but_tabs_and_line_breaks_are_text(string control)
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var body = JsonSerializer.SerializeToNode(OrderRequests.ValidOrder(), Json.Options)!;
        Set(body, "customer.name", $"Jane{control}Customer");

        var refused = await merchant.PostAsJsonAsync("/api/orders", body);
        var accepted = await merchant.PostAsJsonAsync("/api/orders", OrderRequests.ValidOrder(customerName: "Jane\tCustomer\r\nSecond line"));

        await refused.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["customer.name"], (await refused.ProblemAsync()).Errors!.Keys);
        await accepted.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(1, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Theory]
    [InlineData("/api/orders?search=a%00b", "search")]
    [InlineData("/api/orders?search=%07", "search")]
    [InlineData("/api/orders/export?search=a%00b", "search")]
    [InlineData("/api/orders?cursor=%00", "cursor")]
    [InlineData("/api/orders?search=ok&na%00me=x", "query")]
    public async Task Control_characters_in_a_query_string_are_400_problems_even_on_the_export(string url, string key)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        await merchant.CreateOrderAsync();

        var response = await merchant.GetAsync(url);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(key, (await response.ProblemAsync()).Errors!.Keys);
    }

    [Theory]
    [InlineData(1e20, 1, "items[0].unitPrice")]
    [InlineData(1_000_000_000.01, 1, "items[0].unitPrice")]
    [InlineData(7.9e28, 2, "items[0].unitPrice")]
    [InlineData(1, 10_001, "items[0].quantity")]
    public async Task Amounts_the_database_cannot_hold_are_400_and_nothing_is_stored(double unitPrice, int quantity, string key)
    {
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var body = JsonSerializer.SerializeToNode(OrderRequests.ValidOrder(), Json.Options)!;
        body["items"] = new JsonArray(new JsonObject { ["name"] = "Gold bar", ["quantity"] = quantity, ["unitPrice"] = (decimal)unitPrice });

        var response = await merchant.PostAsJsonAsync("/api/orders", body);

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Contains(key, (await response.ProblemAsync()).Errors!.Keys);
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.Orders.Count(o => o.MerchantId == merchantUser.Id))));
    }

    [Fact]
    public async Task The_largest_order_the_limits_allow_is_stored_and_read_back_exactly()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var body = JsonSerializer.SerializeToNode(OrderRequests.ValidOrder(), Json.Options)!;
        body["items"] = new JsonArray(Enumerable.Range(0, OrderItem.MaxItemsPerOrder)
            .Select(i => (JsonNode)new JsonObject { ["name"] = $"Item {i}", ["quantity"] = OrderItem.MaxQuantity, ["unitPrice"] = OrderItem.MaxUnitPrice })
            .ToArray());

        var created = await merchant.CreateOrderAsync(body);

        Assert.Equal(Order.MaxTotal, created.Total);
        var stored = await merchant.GetFromJsonAsync<OrderResponse>($"/api/orders/{created.Id}", Json.Options);
        Assert.Equal(Order.MaxTotal, stored!.Total);
    }

    [Theory]
    [InlineData("POST", "/api/orders", "{\"customer\": 5}")]
    [InlineData("POST", "/api/orders", "{\"items\": [{\"quantity\": \"lots\"}]}")]
    [InlineData("POST", "/api/orders", "{\"customer\": {\"name\": \"A\"")]
    [InlineData("POST", "/api/orders", "[]")]
    [InlineData("POST", "/api/orders", "{\"items\": [{\"unitPrice\": 1e40}]}")]
    [InlineData("POST", "/api/orders/{order}/status", "{\"status\": \"Teleported\"}")]
    [InlineData("POST", "/api/orders/{order}/status", "{\"status\": 1}")]
    [InlineData("POST", "/api/orders/{order}/assignment", "{\"courierId\": \"not-a-guid\"}")]
    [InlineData("POST", "/api/auth/login", "{\"email\": [1]}")]
    [InlineData("GET", "/api/orders?status=Teleported&createdFrom=yesterday&limit=lots", "")]
    public async Task No_problem_names_an_internal_type_or_a_stack_frame(string method, string url, string json)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var order = await merchant.CreateOrderAsync();

        var response = await merchant.SendAsync(new HttpRequestMessage(new HttpMethod(method), url.Replace("{order}", order.Id.ToString(), StringComparison.Ordinal))
        {
            Content = method == "GET" ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        });

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("OrderTracking.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePosition", body, StringComparison.Ordinal);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_json_for_the_operation_says_so_in_plain_words()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);

        var response = await merchant.PostAsync("/api/orders", new StringContent("{\"customer\": 5}", Encoding.UTF8, "application/json"));

        await response.ShouldBeAsync(HttpStatusCode.BadRequest);
        Assert.Equal([ModelStateProblems.UnreadableValue], (await response.ProblemAsync()).Errors!["customer"]);
    }

    private async Task<(HttpClient Client, string Url, JsonNode Body)> RequestForAsync(string operation)
    {
        switch (operation)
        {
            case "login":
                return (api.CreateClient(), "/api/auth/login", new JsonObject { ["email"] = "someone@example.com", ["password"] = "a password" });
            case "order":
                var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
                return (merchant, "/api/orders", JsonSerializer.SerializeToNode(OrderRequests.ValidOrder(), Json.Options)!);
            case "status":
                var (owner, _) = await api.SignedInAsync(UserRole.Merchant);
                var order = await owner.CreateOrderAsync();
                return (owner, $"/api/orders/{order.Id}/status", new JsonObject { ["status"] = "Cancelled", ["reason"] = "Customer asked", ["note"] = "ok", ["recipientName"] = "Jo" });
        }

        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        switch (operation)
        {
            case "createUser":
                return (admin, "/api/users", new JsonObject { ["email"] = $"u{Guid.NewGuid():N}@example.com", ["displayName"] = "New User", ["role"] = "Merchant", ["password"] = "A-long-enough-password-1" });
            case "updateUser":
                var user = await api.CreateUserAsync(UserRole.Merchant);
                return (admin, $"/api/users/{user.Id}", new JsonObject { ["displayName"] = "Renamed" });
            case "createPartner":
                return (admin, "/api/partners", new JsonObject { ["name"] = "Speedy" });
        }

        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = $"Partner {Guid.NewGuid():N}" })).ReadAsync<PartnerResponse>();
        return operation == "updatePartner"
            ? (admin, $"/api/partners/{partner.Id}", new JsonObject { ["name"] = "Renamed" })
            : (admin, $"/api/partners/{partner.Id}/api-keys", new JsonObject { ["name"] = "Key" });
    }

    /// <summary>Sets the value at a path such as <c>items[0].name</c> in a JSON body.</summary>
    private static void Set(JsonNode body, string path, string value)
    {
        var node = body;
        var segments = path.Split('.');
        foreach (var segment in segments[..^1])
        {
            node = Step(node, segment);
        }

        var last = segments[^1];
        if (last.EndsWith(']'))
        {
            Step(node, last).ReplaceWith(value);
        }
        else
        {
            node[last] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string segment)
    {
        var bracket = segment.IndexOf('[');
        return bracket < 0 ? node[segment]! : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
    }
}
