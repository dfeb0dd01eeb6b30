using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Orders.Queries.ListOrders;

/// <summary>One page of the orders the caller may see, newest first.</summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record ListOrdersQuery(OrderFilter Filter, int? Limit = null, string? Cursor = null) : IQuery<OrderPage>
{
    public const int DefaultLimit = 25;
    public const int MaxLimit = 100;
}

/// <summary>A page of orders; pass <see cref="NextCursor"/> back as <c>cursor</c> for the next one (null on the last page).</summary>
public sealed record OrderPage(IReadOnlyList<OrderDto> Items, string? NextCursor);

public sealed class ListOrdersQueryValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersQueryValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new OrderFilterValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Limit).InclusiveBetween(1, ListOrdersQuery.MaxLimit);
        RuleFor(q => q.Cursor).MaximumLength(OrderCursor.MaxLength);
        RuleFor(q => q.Cursor).Must(c => OrderCursor.TryDecode(c, out _)).When(q => q.Cursor is not null)
            .WithMessage("'Cursor' is not a cursor this API handed out.");
    }
}

public sealed class ListOrdersQueryHandler(ICurrentActor currentActor, IOrderQueries orders, TimeProvider timeProvider) : IQueryHandler<ListOrdersQuery, OrderPage>
{
    public async ValueTask<OrderPage> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var actor = currentActor.Required();
        var limit = query.Limit ?? ListOrdersQuery.DefaultLimit;
        OrderCursor.TryDecode(query.Cursor, out var after);

        // One instant for the overdue filter and the overdue flags, so a page never disagrees with its filter.
        var now = timeProvider.GetUtcNow();

        // One extra row tells whether another page exists without a second query.
        var rows = await orders.ListAsync(query.Filter, actor, now, after, limit + 1, cancellationToken);
        var page = rows.Take(limit).ToList();
        var nextCursor = rows.Count > limit ? new OrderCursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return new OrderPage(page.Select(o => o.ToDto(actor, now)).ToList(), nextCursor);
    }
}
