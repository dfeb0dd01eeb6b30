using FluentValidation;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Merchants.Common;

/// <summary>The field rules of a pickup location, shared by adding and changing one.</summary>
public abstract class PickupLocationValidator<T> : AbstractValidator<T>
    where T : IPickupLocationFields
{
    protected PickupLocationValidator()
    {
        RuleFor(c => c.Label).RequiredText(PickupLocation.MaxLabelLength);
        RuleFor(c => c.Address).NotNull().SetValidator(new DeliveryAddressValidator()!);
        RuleFor(c => c.Instructions).MaximumLength(PickupLocation.MaxInstructionsLength);
    }
}

/// <summary>What a pickup location is made of, as a request carries it.</summary>
public interface IPickupLocationFields
{
    string? Label { get; }
    DeliveryAddressDto? Address { get; }
    string? Instructions { get; }
}
