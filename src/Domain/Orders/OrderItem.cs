using OrderTracking.Domain.Common;

namespace OrderTracking.Domain.Orders;

/// <summary>One line of an order. Items are fixed when the order is created.</summary>
public sealed class OrderItem
{
    public const int MaxItemsPerOrder = 100;
    public const int MaxQuantity = 10_000;
    public const int MaxNameLength = 200;

    /// <summary>
    /// The largest unit price: even <see cref="MaxItemsPerOrder"/> lines of <see cref="MaxQuantity"/> at this price
    /// total 10^15, well within what <see cref="Money"/> can store, so no order total can overflow.
    /// </summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

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

        if (unitPrice is < 0 or > MaxUnitPrice || decimal.Round(unitPrice, Money.Scale) != unitPrice)
        {
            throw new DomainValidationException(nameof(UnitPrice), $"Unit price must be between 0 and {MaxUnitPrice} with at most {Money.Scale} decimals.");
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
