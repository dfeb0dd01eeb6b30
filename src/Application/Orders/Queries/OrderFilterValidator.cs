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
        RuleFor(f => f.Search).MaximumLength(200);
        RuleFor(f => f.CreatedTo).GreaterThanOrEqualTo(f => f.CreatedFrom)
            .When(f => f.CreatedFrom is not null && f.CreatedTo is not null)
            .WithMessage("'Created To' must not be before 'Created From'.");
    }
}
