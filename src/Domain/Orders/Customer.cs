namespace OrderTracking.Domain.Orders;

/// <summary>The person the order is for. Personal data: never shown on public tracking.</summary>
public sealed record Customer(string Name, string Phone, string? Email);
