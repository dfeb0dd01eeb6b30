using System.Net;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;

namespace OrderTracking.WebApi.IntegrationTests;

public sealed class OrderExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
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
        Assert.StartsWith("TrackingCode,Status,MerchantId,CustomerName,", csv);
        Assert.Contains("\"Smith, \"\"Jo\"\"\nSecond line\"", csv);
        Assert.Contains("'=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.Contains(tricky.TrackingCode, csv);
        Assert.Contains(formula.TrackingCode, csv);
        Assert.DoesNotContain(confirmed.TrackingCode, csv);
        Assert.Contains("\r\n", csv);
    }

    [Fact]
    public async Task Export_without_a_token_is_401()
    {
        var response = await api.CreateClient().GetAsync("/api/orders/export");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
