namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>Request bodies for orders, as anonymous objects the way an outside client would send them.</summary>
public static class OrderRequests
{
    public static object ValidOrder(string customerName = "Jane Customer", Guid? merchantId = null, DateTimeOffset? estimatedDeliveryAt = null) => new
    {
        merchantId,
        customer = new { name = customerName, phone = "+44 7700 900123", email = "jane@example.com" },
        deliveryAddress = new { line1 = "1 High Street", line2 = "Flat 2", city = "London", postalCode = "SW1A 1AA", country = "United Kingdom" },
        items = new[] { new { name = "Sourdough loaf", quantity = 2, unitPrice = 4.50m }, new { name = "Croissant", quantity = 3, unitPrice = 1.20m } },
        currency = "GBP",
        notes = "Ring twice",
        estimatedDeliveryAt = estimatedDeliveryAt ?? DateTimeOffset.UtcNow.AddDays(1),
    };
}
