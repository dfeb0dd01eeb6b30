using FluentValidation;
using OrderTracking.Application.Common.Validation;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>The field rules of a pickup location, shared by adding and changing one.</summary>
public abstract class PickupLocationValidator<T> : AbstractValidator<T>
    where T : IPickupLocationFields
{
    protected PickupLocationValidator()
    {
        RuleFor(c => c.Label).RequiredText(PickupLocation.MaxLabelLength, "a name for the location, such as Main shop");
        RuleFor(c => c.Address).NotNull().WithMessage("Enter the location's address.").SetValidator(new DeliveryAddressValidator()!);
        RuleFor(c => c.Instructions).OptionalText(PickupLocation.MaxInstructionsLength, "the instructions");
    }
}

/// <summary>What a pickup location is made of, as a request carries it.</summary>
public interface IPickupLocationFields
{
    string? Label { get; }
    DeliveryAddressDto? Address { get; }
    string? Instructions { get; }
}
