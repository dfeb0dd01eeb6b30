using FluentValidation.TestHelper;
using Microsoft.Extensions.Time.Testing;
using OrderTracking.Application.Orders.Commands.CreateOrder;
using OrderTracking.Application.Orders.Common;

namespace OrderTracking.Application.UnitTests;

/// <summary>Every validation rule of docs/product.md §3 with a failing and a passing case.</summary>
public sealed class CreateOrderCommandValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly CreateOrderCommandValidator _validator = new(Clock);

    private static CreateOrderCommand Valid() => new()
    {
        Customer = new CustomerDto("Jane", "+44 7700 900123", "jane@example.com"),
        DeliveryAddress = new DeliveryAddressDto("1 High St", null, "London", "SW1A 1AA", "UK"),
        Items = [new OrderItemDto("Bread", 1, 2.50m)],
        Currency = "GBP",
    };

    private static CreateOrderCommand WithItems(int count, int quantity = 1, decimal unitPrice = 1m, string name = "Item") =>
        Valid() with { Items = Enumerable.Range(0, count).Select(_ => new OrderItemDto(name, quantity, unitPrice)).ToList() };

    [Fact]
    public void A_complete_order_passes() => _validator.TestValidate(Valid()).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Between_1_and_100_items(int count, bool valid) =>
        Assert.Equal(valid, _validator.TestValidate(WithItems(count)).IsValid);

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    public void Quantity_from_1_to_10000(int quantity, bool valid)
    {
        var result = _validator.TestValidate(WithItems(1, quantity: quantity));
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Items[0].Quantity"));
    }

    [Theory]
    [InlineData("-0.01", false)]
    [InlineData("0", true)]
    [InlineData("19.99", true)]
    [InlineData("1.234", false)]
    public void Unit_price_not_negative_with_at_most_two_decimals(string price, bool valid)
    {
        var result = _validator.TestValidate(WithItems(1, unitPrice: decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Items[0].UnitPrice"));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    [InlineData(0, false)]
    public void Names_at_most_200_characters(int length, bool valid)
    {
        var name = new string('n', length);
        var result = _validator.TestValidate(Valid() with
        {
            Customer = new CustomerDto(name, "+44 7700 900123", null),
            Items = [new OrderItemDto(name, 1, 1m)],
        });
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Customer.Name"));
        Assert.Equal(valid, !result.Errors.Any(e => e.PropertyName == "Items[0].Name"));
    }

    [Theory]
    [InlineData("jane@example.com", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("jane.example.com", false)]
    [InlineData("jane@", false)]
    public void Email_when_given_is_well_formed(string? email, bool valid) =>
        Assert.Equal(valid, !_validator.TestValidate(Valid() with { Customer = new CustomerDto("Jane", "+44 7700 900123", email) })
            .Errors.Any(e => e.PropertyName == "Customer.Email"));

    [Theory]
    [InlineData("+44 7700 900123", true)]
    [InlineData("(020) 7946-0958", true)]
    [InlineData("12345", false)]
    [InlineData("call me maybe", false)]
    [InlineData("+1234567890123456", false)]
    [InlineData("", false)]
    public void Phone_is_well_formed(string phone, bool valid) =>
        Assert.Equal(valid, !_validator.TestValidate(Valid() with { Customer = new CustomerDto("Jane", phone, null) })
            .Errors.Any(e => e.PropertyName == "Customer.Phone"));

    [Theory]
    [InlineData("EUR", true)]
    [InlineData("GBP", true)]
    [InlineData("eur", false)]
    [InlineData("EURO", false)]
    [InlineData("XYZ", false)]
    [InlineData(null, false)]
    public void Currency_is_an_ISO_4217_code(string? currency, bool valid) =>
        Assert.Equal(valid, !_validator.TestValidate(Valid() with { Currency = currency }).Errors.Any(e => e.PropertyName == "Currency"));

    [Fact]
    public void Address_requires_line1_city_postal_code_and_country()
    {
        var result = _validator.TestValidate(Valid() with { DeliveryAddress = new DeliveryAddressDto("", null, "", "", "") });

        Assert.Equal(
            ["DeliveryAddress.City", "DeliveryAddress.Country", "DeliveryAddress.Line1", "DeliveryAddress.PostalCode"],
            result.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void Missing_parts_are_all_reported_at_once()
    {
        var result = _validator.TestValidate(new CreateOrderCommand());

        Assert.Equal(["Currency", "Customer", "DeliveryAddress", "Items"], result.Errors.Select(e => e.PropertyName).Distinct().Order());
    }

    [Fact]
    public void Estimated_delivery_must_be_in_the_future()
    {
        Assert.False(_validator.TestValidate(Valid() with { EstimatedDeliveryAt = Clock.GetUtcNow().AddMinutes(-1) }).IsValid);
        Assert.True(_validator.TestValidate(Valid() with { EstimatedDeliveryAt = Clock.GetUtcNow().AddDays(1) }).IsValid);
    }
}
