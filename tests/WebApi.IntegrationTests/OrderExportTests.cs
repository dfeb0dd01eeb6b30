using System.Net.Http.Json;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.OrderTimeline;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class OrderExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Under a retrying execution strategy EF Core reads a query's whole result before it hands out the first row: the
    /// million-row export then took the server from 370 MB to 1.3 GB before its first byte (bench/README.md). The
    /// export's context must not retry, while the application's context still does (ADR 11).
    /// </summary>
    [Fact]
    public async Task The_export_reads_through_a_context_that_streams_while_the_rest_of_the_app_retries_transient_faults()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await using var export = scope.ServiceProvider.GetRequiredService<StreamingReads>().CreateContext();
        var app = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.False(export.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.True(app.Database.CreateExecutionStrategy().RetriesOnFailure);
        Assert.Equal(await app.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync(), await export.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task Export_streams_the_callers_filtered_orders_as_csv_with_quoting_and_formula_cells_neutralised()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var tricky = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Smith, \"Jo\"\nSecond line"));
        var formula = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "=HYPERLINK(\"http://evil\")"));
        var confirmed = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "@SUM(A1)"));
        await merchant.MoveAsync(confirmed.Id, OrderStatus.Confirmed);

        var response = await merchant.GetAsync("/api/orders/export?status=Pending");

        await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("TrackingCode,Status,MerchantId,MerchantName,CustomerName,", csv);
        Assert.Contains("\"Smith, \"\"Jo\"\"\nSecond line\"", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Contains(tricky.TrackingCode, csv);
        Assert.Contains(formula.TrackingCode, csv);
        Assert.DoesNotContain(confirmed.TrackingCode, csv);
        Assert.Contains("\r\n", csv);
    }

    [Fact]
    public async Task Export_names_the_merchant_courier_and_partner_beside_their_ids_and_counts_item_lines_and_quantity_apart()
    {
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);
        var (merchant, merchantUser) = await api.SignedInAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery, displayName: "Courier Csvname");
        var partner = await (await admin.PostAsJsonAsync("/api/partners", new { name = "Partner Csvname" })).ReadAsync<PartnerIdentity>();
        var toCourier = await merchant.ReadyForPickupAsync();
        var toPartner = await merchant.ReadyForPickupAsync();
        (await admin.PostAsJsonAsync($"/api/orders/{toCourier.Id}/assignment", new { courierId = courier.Id })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/orders/{toPartner.Id}/assignment", new { partnerId = partner.Id })).EnsureSuccessStatusCode();

        var csv = await (await admin.GetAsync($"/api/orders/export?merchantId={merchantUser.Id}")).Content.ReadAsStringAsync();

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var rows = lines[1..].Select(l => l.Split(',')).ToDictionary(cells => cells[0], cells => header.Zip(cells).ToDictionary(p => p.First, p => p.Second));
        Assert.Equal(
            ["MerchantId", "MerchantName"],
            header.SkipWhile(h => h != "MerchantId").Take(2));
        Assert.Equal(["ItemLines", "ItemQuantity"], header.SkipWhile(h => h != "ItemLines").Take(2));
        Assert.Equal(merchantUser.DisplayName, rows[toCourier.TrackingCode]["MerchantName"]);
        Assert.Equal("Courier Csvname", rows[toCourier.TrackingCode]["AssignedCourierName"]);
        Assert.Equal(courier.Id.ToString(), rows[toCourier.TrackingCode]["AssignedCourierId"]);
        Assert.Equal("Partner Csvname", rows[toPartner.TrackingCode]["AssignedPartnerName"]);
        Assert.Equal("", rows[toPartner.TrackingCode]["AssignedCourierName"]);
        // The sample order has two lines: 2 loaves and 3 croissants.
        Assert.Equal("2", rows[toCourier.TrackingCode]["ItemLines"]);
        Assert.Equal("5", rows[toCourier.TrackingCode]["ItemQuantity"]);
    }

    private sealed record PartnerIdentity(Guid Id);

    [Fact]
    public async Task Export_honours_the_created_range_inclusive_at_both_ends_and_the_merchant_filter()
    {
        var merchantA = await api.CreateUserAsync(UserRole.Merchant);
        var merchantB = await api.CreateUserAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        var from = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero);
        var atFrom = Build(merchantA, courier, from, null);
        var inside = Build(merchantA, courier, from.AddHours(12), null, To(OrderStatus.Confirmed, 5));
        var atTo = Build(merchantA, courier, to, null);
        var beforeFrom = Build(merchantA, courier, from.AddSeconds(-1), null);
        var afterTo = Build(merchantA, courier, to.AddSeconds(1), null);
        var otherMerchant = Build(merchantB, courier, from.AddHours(12), null);
        await api.WithDbAsync(db =>
        {
            db.Orders.AddRange(atFrom, inside, atTo, beforeFrom, afterTo, otherMerchant);
            return db.SaveChangesAsync();
        });
        var (admin, _) = await api.SignedInAsync(UserRole.Admin);

        var csv = await ExportAsync(admin, $"merchantId={merchantA.Id}&createdFrom=2026-04-01T00:00:00Z&createdTo=2026-04-02T00:00:00Z");
        var everyone = await ExportAsync(admin, "createdFrom=2026-04-01T00:00:00Z&createdTo=2026-04-02T00:00:00Z");
        var confirmedOnly = await ExportAsync(admin, "createdFrom=2026-04-01T00:00:00Z&createdTo=2026-04-02T00:00:00Z&status=Confirmed");

        Assert.Equal([atTo.TrackingCode, inside.TrackingCode, atFrom.TrackingCode], TrackingCodes(csv));
        Assert.Equal(
            new[] { atFrom.TrackingCode, inside.TrackingCode, atTo.TrackingCode, otherMerchant.TrackingCode }.Order(StringComparer.Ordinal),
            TrackingCodes(everyone).Order(StringComparer.Ordinal));
        Assert.Contains($"{inside.TrackingCode},Confirmed,{merchantA.Id},", confirmedOnly);
        Assert.Single(TrackingCodes(confirmedOnly));
        Assert.Contains("2026-04-01T12:00:00Z", csv);
    }

    [Fact]
    public async Task A_merchant_exports_only_its_own_orders_even_when_it_names_another_merchant()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var (otherMerchant, otherUser) = await api.SignedInAsync(UserRole.Merchant);
        var own = await merchant.CreateOrderAsync();
        var theirs = await otherMerchant.CreateOrderAsync();

        var ownExport = await ExportAsync(merchant, string.Empty);
        var askedForOther = await ExportAsync(merchant, $"merchantId={otherUser.Id}");

        Assert.Contains(own.TrackingCode, ownExport);
        Assert.DoesNotContain(theirs.TrackingCode, ownExport);
        Assert.Empty(TrackingCodes(askedForOther));
    }

    [Fact]
    public async Task Export_is_utf8_without_a_byte_order_mark_and_neutralises_plus_and_minus_formulas()
    {
        var (merchant, _) = await api.SignedInAsync(UserRole.Merchant);
        var accented = await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "Zoë Żółć 東京"));
        await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "+SUM(1,2)"));
        await merchant.CreateOrderAsync(OrderRequests.ValidOrder(customerName: "-2+3"));

        var response = await merchant.GetAsync("/api/orders/export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var csv = System.Text.Encoding.UTF8.GetString(bytes);

        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains($"{accented.TrackingCode},Pending,", csv);
        Assert.Contains("Zoë Żółć 東京", csv);
        Assert.Contains("\"'+SUM(1,2)\"", csv);
        Assert.Contains(",\"'-2+3\",", csv);
    }

    [Fact]
    public async Task Export_without_a_token_is_401()
    {
        var response = await api.CreateClient().GetAsync("/api/orders/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> ExportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/orders/export?" + query);
        await response.ShouldBeAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The first cell of every data row (the CSVs here have no line breaks inside cells).</summary>
    private static string[] TrackingCodes(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).ToArray();
}
