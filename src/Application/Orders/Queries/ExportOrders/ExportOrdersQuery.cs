using FluentValidation;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Orders.Queries.ExportOrders;

/// <summary>
/// Every order the caller may see that matches the filter, as flat rows read lazily from the database
/// so an export of any size streams in bounded memory.
/// </summary>
[Authorize(ActorType.Admin, ActorType.Merchant, ActorType.Delivery, ActorType.Partner)]
public sealed record ExportOrdersQuery(OrderFilter Filter) : IQuery<IAsyncEnumerable<OrderExportRow>>;

public sealed record OrderExportRow(
    string TrackingCode,
    OrderStatus Status,
    Guid MerchantId,
    string? MerchantName,
    string CustomerName,
    string CustomerPhone,
    string? CustomerEmail,
    string AddressLine1,
    string? AddressLine2,
    string City,
    string PostalCode,
    string Country,
    int ItemLines,
    int ItemQuantity,
    decimal Total,
    string Currency,
    Guid? AssignedCourierId,
    string? AssignedCourierName,
    Guid? AssignedPartnerId,
    string? AssignedPartnerName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EstimatedDeliveryAt,
    DateTimeOffset? DeliveredAt);

public sealed class ExportOrdersQueryValidator : AbstractValidator<ExportOrdersQuery>
{
    public ExportOrdersQueryValidator()
    {
        RuleFor(q => q.Filter).SetValidator(new OrderFilterValidator()).OverridePropertyName(string.Empty);
    }
}

/// <remarks>
/// The handler reads the first row before it returns, so that a query the database refuses fails here, while
/// the caller can still answer with a problem, rather than after a 200 and a header row have gone out.
/// </remarks>
public sealed class ExportOrdersQueryHandler(ICurrentActor currentActor, IOrderQueries orders, TimeProvider timeProvider)
    : IQueryHandler<ExportOrdersQuery, IAsyncEnumerable<OrderExportRow>>
{
    public async ValueTask<IAsyncEnumerable<OrderExportRow>> Handle(ExportOrdersQuery query, CancellationToken cancellationToken)
    {
        var rows = orders.StreamExportRowsAsync(query.Filter, currentActor.Required(), timeProvider.GetUtcNow(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        var any = await rows.MoveNextAsync();
        return Remaining(rows, any);
    }

    private static async IAsyncEnumerable<OrderExportRow> Remaining(IAsyncEnumerator<OrderExportRow> rows, bool any)
    {
        await using (rows)
        {
            for (var more = any; more; more = await rows.MoveNextAsync())
            {
                yield return rows.Current;
            }
        }
    }
}
