using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>The orders search (code prefix, city, postal code, customer name), its capped count and the overdue flag.</summary>
public sealed class OrderSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object OrderTo(string customerName, string city, string postalCode) => new
    {
        customer = new { name = customerName, phone = "+44 7700 900123" },
        deliveryAddress = new { line1 = "2 Station Road", city, postalCode, country = "United Kingdom" },
        items = new[] { new { name = "Parcel", quantity = 1, unitPrice = 5m } },
        currency = "GBP",
        estimatedDeliveryAt = DateTimeOffset.UtcNow.AddDays(1),
    };

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string search) =>
        (await client.GetFromJsonAsync<OrderPageResponse>("/api/orders?search=" + Uri.EscapeDataString(search), Json.Options))!
            .Items.Select(o => o.Id).ToList();

    private static async Task<(int Count, bool IsCapped)> CountAsync(HttpClient client, string query = "")
    {
        var count = await client.GetFromJsonAsync<JsonElement>("/api/orders/count" + query, Json.Options);
        return (count.GetProperty("count").GetInt32(), count.GetProperty("isCapped").GetBoolean());
    }

    [Fact]
    public async Task Search_finds_orders_by_the_start_of_the_code_the_city_the_postal_code_and_the_customer_name()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var leeds = await merchant.CreateOrderAsync(OrderTo("Ada Lovelace", "Leeds", "LS1 4AP"));
        var york = await merchant.CreateOrderAsync(OrderTo("Grace Hopper", "York", "YO1 7HH"));

        // Only I, L, O and U (which no code contains) in this order's texts: a search for part of a code can match
        // this order by its code only, never by chance through its name, city or postal code.
        var lilo = await merchant.CreateOrderAsync(OrderTo("Lil Olli", "Ulu", "IOU"));
        var random = lilo.TrackingCode[TrackingCode.Prefix.Length..];

        Assert.Equal([leeds.Id], await IdsAsync(merchant, "leeds"));
        Assert.Equal([york.Id], await IdsAsync(merchant, "yo1 7"));
        Assert.Equal([leeds.Id], await IdsAsync(merchant, "4ap"));
        Assert.Equal([york.Id], await IdsAsync(merchant, "HOPPER"));
        Assert.Contains(lilo.Id, await IdsAsync(merchant, random[..4].ToLowerInvariant()));
        Assert.Contains(lilo.Id, await IdsAsync(merchant, "OT-" + random[..6]));
        Assert.Equal([lilo.Id], await IdsAsync(merchant, lilo.TrackingCode));
        Assert.DoesNotContain(lilo.Id, await IdsAsync(merchant, random[..3]));
        Assert.DoesNotContain(lilo.Id, await IdsAsync(merchant, random[1..5]));
    }

    /// <summary>
    /// A term of one or two characters has no trigram to look up, so it used to read every order the caller may see
    /// (200, after a scan); now it is refused before any query, on the list, the count and the export alike, while three
    /// characters search and a blank term is no search at all.
    /// </summary>
    [Theory]
    [InlineData("lo")]
    [InlineData(" a ")]
    [InlineData("7F")]
    public async Task A_term_shorter_than_three_characters_is_refused_with_400_before_any_query(string term)
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var london = await merchant.CreateOrderAsync(OrderTo("Short Search", "London", "SW1A 1AA"));
        var query = "search=" + Uri.EscapeDataString(term);

        foreach (var route in new[] { "/api/orders?", "/api/orders/count?", "/api/orders/export?" })
        {
            var response = await merchant.GetAsync(route + query);
            await response.ShouldBeAsync(HttpStatusCode.BadRequest);
            var problem = await response.ProblemAsync();
            Assert.Equal("/problems/validation", problem.Type);
            Assert.Contains("at least 3 characters", Assert.Single(problem.Errors!["search"]), StringComparison.Ordinal);
        }

        Assert.Contains(london.Id, await IdsAsync(merchant, "lon"));
        Assert.Contains(london.Id, await IdsAsync(merchant, "  "));
    }

    [Fact]
    public async Task A_courier_finds_a_pool_order_by_its_area_but_never_by_the_customer_it_may_not_see()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (courier, _) = await api.SignedInAsync(UserRole.Delivery);
        var pooled = await merchant.CreateOrderAsync(OrderTo("Hidden Person", "Whitby", "YO21 3PU"));
        foreach (var status in new[] { OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup })
        {
            await merchant.MoveAsync(pooled.Id, status);
        }

        Assert.Contains(pooled.Id, await IdsAsync(courier, "whitby"));
        Assert.Contains(pooled.Id, await IdsAsync(courier, "YO21"));
        Assert.DoesNotContain(pooled.Id, await IdsAsync(courier, "Hidden Person"));
    }

    [Fact]
    public async Task The_count_is_exact_up_to_10_000_and_10_000_plus_above_it()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var first = await merchant.CreateOrderAsync(OrderTo("Count Me", "Bath", "BA1 1LZ"));
        Assert.Equal((1, false), await CountAsync(merchant));
        Assert.Equal((0, false), await CountAsync(merchant, "?search=nowhere"));

        // 9 999 copies of the order (new ids and codes) straight into the table: 10 000 requests would take minutes.
        await CopyOrderAsync(first.Id, 9_999);
        Assert.Equal((10_000, false), await CountAsync(merchant));
        Assert.Equal((10_000, false), await CountAsync(merchant, "?search=bath"));

        await merchant.CreateOrderAsync(OrderTo("One More", "Wells", "BA5 2PD"));
        Assert.Equal((10_000, true), await CountAsync(merchant));
        Assert.Equal((1, false), await CountAsync(merchant, "?search=wells"));
        Assert.Equal((0, false), await CountAsync(merchant, "?status=Delivered"));

        var page = await merchant.GetFromJsonAsync<OrderPageResponse>("/api/orders", Json.Options);
        Assert.Equal(25, page!.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Fact]
    public async Task An_open_order_past_its_estimated_delivery_is_overdue_and_a_closed_one_is_not()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var late = await merchant.CreateOrderAsync(OrderTo("Late Parcel", "Bristol", "BS1 4DJ"));
        var cancelled = await merchant.CreateOrderAsync(OrderTo("Cancelled Parcel", "Bristol", "BS1 4DJ"));
        var onTime = await merchant.CreateOrderAsync(OrderTo("On Time", "Bristol", "BS1 4DJ"));
        await merchant.MoveAsync(cancelled.Id, OrderStatus.Cancelled, reason: "Customer changed their mind");
        await api.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE orders SET estimated_delivery_at = now() - interval '1 hour' WHERE id IN ({late.Id}, {cancelled.Id})"));

        var single = await merchant.GetFromJsonAsync<JsonElement>($"/api/orders/{late.Id}", Json.Options);
        var page = await merchant.GetFromJsonAsync<JsonElement>("/api/orders?search=bristol", Json.Options);
        var overdue = page.GetProperty("items").EnumerateArray()
            .ToDictionary(o => o.GetProperty("id").GetGuid(), o => o.GetProperty("isOverdue").GetBoolean());

        Assert.True(single.GetProperty("isOverdue").GetBoolean());
        Assert.Equal(new Dictionary<Guid, bool> { [late.Id] = true, [cancelled.Id] = false, [onTime.Id] = false }, overdue);
    }

    // Every column of the order as it is, but a new id and a new code (hexadecimal digits are all in the code alphabet).
    // One statement writing 10 000 rows and their index entries: on a busy machine it outlasts the app's 30 s statement
    // timeout, so it runs on a connection of its own.
    private Task<int> CopyOrderAsync(Guid orderId, int copies) => OrderCopies.InsertAsync(api.ConnectionString, orderId, copies);
}
