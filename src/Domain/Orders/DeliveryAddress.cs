namespace OrderTracking.Domain.Orders;

public sealed record DeliveryAddress(string Line1, string? Line2, string City, string PostalCode, string Country);
