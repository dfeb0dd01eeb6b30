using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Orders.Queries.CountOrders;

/// <summary>How many orders the list's filters match, for the caller; exact up to <see cref="Cap"/>.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record CountOrdersQuery(OrderFilter Filter) : IQuery<OrderCount>
{
    /// <summary>
    /// Past this the count stops: counting every match of a broad filter over a million orders would cost more than
    /// the page it describes, and nobody reads "10 237 orders" differently from "10 000+".
    /// </summary>
    public const int Cap = 10_000;
}

/// <summary><see cref="Count"/> orders match; when <see cref="IsCapped"/>, more than that ("10 000+").</summary>
public sealed record OrderCount(int Count, bool IsCapped);

public sealed class CountOrdersQueryValidator : AbstractValidator<CountOrdersQuery>
{
    public CountOrdersQueryValidator() =>
        RuleFor(q => q.Filter).SetValidator(new OrderFilterValidator()).OverridePropertyName(string.Empty);
}

public sealed class CountOrdersQueryHandler(ICurrentActor currentActor, IOrderQueries orders, TimeProvider timeProvider) : IQueryHandler<CountOrdersQuery, OrderCount>
{
    public async ValueTask<OrderCount> Handle(CountOrdersQuery query, CancellationToken cancellationToken)
    {
        // One row past the cap tells "exactly 10 000" from "more".
        var count = await orders.CountAsync(query.Filter, currentActor.Required(), timeProvider.GetUtcNow(), CountOrdersQuery.Cap + 1, cancellationToken);
        return new OrderCount(Math.Min(count, CountOrdersQuery.Cap), count > CountOrdersQuery.Cap);
    }
}
