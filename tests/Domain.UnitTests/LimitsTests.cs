using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using static OrderTracking.Domain.UnitTests.OrderFactory;

namespace OrderTracking.Domain.UnitTests;

/// <summary>The value objects' limits: named once, enforced by the objects themselves, and within what the database stores.</summary>
public sealed class LimitsTests
{
    [Fact]
    public void The_largest_order_the_item_limits_allow_fits_the_stored_amount_type()
    {
        Assert.True(Order.MaxTotal <= Money.LargestStorable);
        Assert.True(OrderItem.MaxUnitPrice <= Money.LargestStorable);

        var items = Enumerable.Range(0, OrderItem.MaxItemsPerOrder)
            .Select(i => new OrderItem($"Item {i}", OrderItem.MaxQuantity, OrderItem.MaxUnitPrice))
            .ToArray();
        Assert.Equal(Order.MaxTotal, New(items).Total);
    }

    [Theory]
    [InlineData(1_000_000_000.01)]
    [InlineData(1e20)]
    [InlineData(7.9e28)]
    [InlineData(-0.01)]
    [InlineData(0.001)]
    public void A_unit_price_outside_the_limits_is_refused_before_any_arithmetic(double price)
    {
        var refused = Assert.Throws<DomainValidationException>(() => new OrderItem("Gold", 2, (decimal)price));

        Assert.Equal(nameof(OrderItem.UnitPrice), refused.PropertyName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(OrderItem.MaxQuantity + 1)]
    public void A_quantity_outside_the_limits_is_refused(int quantity) =>
        Assert.Equal(nameof(OrderItem.Quantity), Assert.Throws<DomainValidationException>(() => new OrderItem("Bread", quantity, 1m)).PropertyName);

    [Fact]
    public void A_customer_holds_its_own_limits()
    {
        Assert.Equal("Name", Assert.Throws<DomainValidationException>(() => new Customer(new string('n', Customer.MaxNameLength + 1), "+44 7700 900123", null)).PropertyName);
        Assert.Equal("Name", Assert.Throws<DomainValidationException>(() => new Customer(" ", "+44 7700 900123", null)).PropertyName);
        Assert.Equal("Phone", Assert.Throws<DomainValidationException>(() => new Customer("Jane", new string('1', Customer.MaxPhoneLength + 1), null)).PropertyName);
        Assert.Equal("Email", Assert.Throws<DomainValidationException>(() => new Customer("Jane", "+44 7700 900123", new string('e', Customer.MaxEmailLength + 1))).PropertyName);
        Assert.Equal(new string('n', Customer.MaxNameLength), new Customer(new string('n', Customer.MaxNameLength), "+44 7700 900123", null).Name);
    }

    [Fact]
    public void A_delivery_address_holds_its_own_limits()
    {
        Assert.Equal("Line1", Assert.Throws<DomainValidationException>(() => new DeliveryAddress("", null, "London", "SW1A 1AA", "UK")).PropertyName);
        Assert.Equal("Line2", Assert.Throws<DomainValidationException>(() => new DeliveryAddress("1 High St", new string('x', DeliveryAddress.MaxLineLength + 1), "London", "SW1A 1AA", "UK")).PropertyName);
        Assert.Equal("PostalCode", Assert.Throws<DomainValidationException>(() => new DeliveryAddress("1 High St", null, "London", new string('9', DeliveryAddress.MaxPostalCodeLength + 1), "UK")).PropertyName);
        Assert.Equal("Country", Assert.Throws<DomainValidationException>(() => new DeliveryAddress("1 High St", null, "London", "SW1A 1AA", new string('c', DeliveryAddress.MaxCountryLength + 1))).PropertyName);
    }

    [Theory]
    [InlineData("plain", false)]
    [InlineData("tab\there, lines\r\nand\nmore", false)]
    [InlineData("nul\0", true)]
    [InlineData("bell\a", true)]
    [InlineData("escape\u001B[31m", true)]
    [InlineData("delete\u007F", true)]
    [InlineData("next line\u0085", true)]
    public void Control_characters_other_than_tab_and_line_breaks_are_refused_text(string value, bool refused) =>
        Assert.Equal(refused, Text.HasControlCharacters(value));
}
