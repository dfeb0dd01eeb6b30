using OrderTracking.Domain.Orders;
using OrderTracking.Application.Common.Validation;
using FluentValidation;

namespace OrderTracking.Application.Orders.Queries;

public sealed class OrderFilterValidator : AbstractValidator<OrderFilter>
{
    public OrderFilterValidator()
    {
        RuleFor(f => f.Statuses).MaxItems(Enum.GetValues<OrderStatus>().Length);
        RuleForEach(f => f.Statuses).IsInEnum();
        RuleFor(f => f.Assignment).IsInEnum();
        RuleFor(f => f.Search).MaximumLength(200)
            .Must(term => string.IsNullOrWhiteSpace(term) || term.Trim().Length >= OrderFilter.MinSearchLength)
            .WithMessage($"Type at least {OrderFilter.MinSearchLength} characters to search (the start of a tracking code needs {TrackingCode.MinSearchPrefixLength}).");
        RuleFor(f => f.CreatedTo).GreaterThanOrEqualTo(f => f.CreatedFrom)
            .When(f => f.CreatedFrom is not null && f.CreatedTo is not null)
            .WithMessage("'Created To' must not be before 'Created From'.");
    }
}
