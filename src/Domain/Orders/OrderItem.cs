using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>One line of an order. Items are fixed when the order is created.</summary>
public sealed class OrderItem
{
    public const int MaxItemsPerOrder = 100;
    public const int MaxQuantity = 10_000;
    public const int MaxNameLength = 200;

    private OrderItem()
    {
        Name = string.Empty;
    }

    public OrderItem(string name, int quantity, decimal unitPrice)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new DomainValidationException(nameof(Name), $"An item name is required and at most {MaxNameLength} characters.");
        }

        if (quantity is < 1 or > MaxQuantity)
        {
            throw new DomainValidationException(nameof(Quantity), $"Quantity must be between 1 and {MaxQuantity}.");
        }

        if (unitPrice < 0 || decimal.Round(unitPrice, 2) != unitPrice)
        {
            throw new DomainValidationException(nameof(UnitPrice), "Unit price must be zero or more with at most 2 decimals.");
        }

        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public string Name { get; private set; }
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }

    public decimal LineTotal => Quantity * UnitPrice;
}
