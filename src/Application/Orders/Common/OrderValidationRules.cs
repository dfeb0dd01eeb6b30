using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Common;

/// <summary>
/// The field rules of docs/product.md §3, shared by every command that takes an order's data. The limits are the
/// domain's own (<see cref="Customer"/>, <see cref="DeliveryAddress"/>, <see cref="OrderItem"/>): this checks
/// them up front so that every bad field is reported at once.
/// </summary>
public static partial class OrderValidationRules
{
    /// <summary>Digits with optional leading +, spaces, dashes, dots and parentheses; 6 to 15 digits in all (E.164 allows 15).</summary>
    [GeneratedRegex(@"^\+?[0-9 ().-]{6,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();

    public static bool IsPhoneNumber(string? phone)
    {
        if (phone is null || !PhoneShape().IsMatch(phone))
        {
            return false;
        }

        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15;
    }

    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, Money.Scale) == value;

    private static readonly NumberFormatInfo GroupedBySpaces = new() { NumberGroupSeparator = " ", NumberGroupSizes = [3] };

    /// <summary>A limit as people read it in a message, whatever their language: 1000000000 → "1 000 000 000".</summary>
    public static string Readable(decimal limit) => limit.ToString("#,0", GroupedBySpaces);
}

public sealed class CustomerValidator : AbstractValidator<CustomerDto>
{
    public CustomerValidator()
    {
        RuleFor(c => c.Name).RequiredText(Customer.MaxNameLength, "the customer's name");
        RuleFor(c => c.Phone).RequiredText(Customer.MaxPhoneLength, "the customer's phone number")
            .Must(OrderValidationRules.IsPhoneNumber).WithMessage("Enter a phone number of 6 to 15 digits, such as +44 20 7946 0000.");
        RuleFor(c => c.Email).Cascade(CascadeMode.Stop)
            .EmailAddress().WithMessage("Enter an email address such as name@example.com, or leave it empty.")
            .OptionalText(Customer.MaxEmailLength, "the email address")
            .When(c => !string.IsNullOrEmpty(c.Email));
        // Each check already bounds the length; the MaximumLength after it states the bound in the API's schema.
        RuleFor(c => c.Language).Cascade(CascadeMode.Stop)
            .Must(Locale.IsLanguage).WithMessage(Locale.LanguageMessage).MaximumLength(Locale.MaxLanguageLength).When(c => c.Language is not null);
        RuleFor(c => c.TimeZone).Cascade(CascadeMode.Stop)
            .Must(Locale.IsTimeZone).WithMessage(Locale.TimeZoneMessage).MaximumLength(Locale.MaxTimeZoneLength).When(c => c.TimeZone is not null);
    }
}

public sealed class DeliveryAddressValidator : AbstractValidator<DeliveryAddressDto>
{
    public DeliveryAddressValidator()
    {
        RuleFor(a => a.Line1).RequiredText(DeliveryAddress.MaxLineLength, "the street address");
        RuleFor(a => a.Line2).OptionalText(DeliveryAddress.MaxLineLength, "the second address line");
        RuleFor(a => a.City).RequiredText(DeliveryAddress.MaxCityLength, "the town or city");
        RuleFor(a => a.PostalCode).RequiredText(DeliveryAddress.MaxPostalCodeLength, "the postal code");
        RuleFor(a => a.Country).RequiredText(DeliveryAddress.MaxCountryLength, "the country");
        RuleFor(a => a.Latitude).NotNull().When(a => a.Longitude is not null).WithMessage(DeliveryAddress.LocationNeedsBoth);
        RuleFor(a => a.Longitude).NotNull().When(a => a.Latitude is not null).WithMessage(DeliveryAddress.LocationNeedsBoth);
        RuleFor(a => a.Latitude).InclusiveBetween(-GeoPoint.MaxLatitude, GeoPoint.MaxLatitude).WithMessage("A latitude lies between -90 and 90 degrees.");
        RuleFor(a => a.Longitude).InclusiveBetween(-GeoPoint.MaxLongitude, GeoPoint.MaxLongitude).WithMessage("A longitude lies between -180 and 180 degrees.");
    }
}

public sealed class OrderItemValidator : AbstractValidator<OrderItemDto>
{
    public OrderItemValidator()
    {
        RuleFor(i => i.Name).RequiredText(OrderItem.MaxNameLength, "what the item is");
        RuleFor(i => i.Quantity).InclusiveBetween(1, OrderItem.MaxQuantity)
            .WithMessage($"Enter a quantity from 1 to {OrderValidationRules.Readable(OrderItem.MaxQuantity)}.");

        // A blank price is refused rather than read as free: nobody means £0.00 by leaving the box empty.
        RuleFor(i => i.UnitPrice).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Enter the unit price (0 for a free item).")
            .InclusiveBetween(0, OrderItem.MaxUnitPrice).WithMessage($"Enter a unit price from 0 to {OrderValidationRules.Readable(OrderItem.MaxUnitPrice)}.")
            .Must(price => OrderValidationRules.HasAtMostTwoDecimals(price!.Value)).WithMessage($"Use at most {Money.Scale} decimals for the unit price.");
    }
}
