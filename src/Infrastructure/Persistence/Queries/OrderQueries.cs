using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Orders.Common;
using OrderTracking.Application.Orders.Queries;
using OrderTracking.Application.Orders.Queries.ExportOrders;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Infrastructure.Persistence.Queries;

/// <summary>
/// The reads of orders: none is tracked, and none is ever saved. The aggregate's loads for a change are
/// <see cref="Repositories.OrderRepository"/>'s.
/// </summary>
public sealed class OrderQueries(AppDbContext db, StreamingReads streamingReads) : IOrderQueries
{
    // Reads of one order or one page take their few items in the same query (a join, the context's single-query
    // default): one round trip. One order by id is the busiest read: compiled once per kind of actor (the visibility
    // rule differs), so a request skips EF Core's query cache lookup and translation.
    public Task<Order?> FindVisibleAsync(Guid id, Actor actor, CancellationToken cancellationToken) =>
        VisibleOrder[actor.Type](db, id, actor.Id, cancellationToken);

    private static readonly FrozenDictionary<ActorType, Func<AppDbContext, Guid, Guid, CancellationToken, Task<Order?>>> VisibleOrder =
        Enum.GetValues<ActorType>().ToFrozenDictionary(type => type, type => CompileVisibleOrder(OrderVisibility.ForKind(type)));

    /// <summary><c>db.Orders.AsNoTracking().FirstOrDefault(o =&gt; o.Id == id &amp;&amp; rule(o, actorId))</c>, compiled.</summary>
    private static Func<AppDbContext, Guid, Guid, CancellationToken, Task<Order?>> CompileVisibleOrder(Expression<Func<Order, Guid, bool>> rule)
    {
        var db = Expression.Parameter(typeof(AppDbContext), "db");
        var id = Expression.Parameter(typeof(Guid), "id");
        var actorId = Expression.Parameter(typeof(Guid), "actorId");
        var cancellationToken = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        var order = rule.Parameters[0];
        var filter = Expression.Lambda<Func<Order, bool>>(
            Expression.AndAlso(Expression.Equal(Expression.Property(order, nameof(Order.Id)), id), Predicates.Substitute(rule.Body, rule.Parameters[1], actorId)),
            order);
        Expression orders = Expression.Property(db, nameof(AppDbContext.Orders));
        orders = Expression.Call(typeof(EntityFrameworkQueryableExtensions), nameof(EntityFrameworkQueryableExtensions.AsNoTracking), [typeof(Order)], orders);
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(Order)], orders, Expression.Quote(filter));
        return EF.CompileAsyncQuery(Expression.Lambda<Func<AppDbContext, Guid, Guid, CancellationToken, Order?>>(first, db, id, actorId, cancellationToken));
    }

    public Task<Order?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    public async Task<IReadOnlyList<OrderHistoryEntry>?> GetVisibleHistoryAsync(Guid orderId, Actor actor, CancellationToken cancellationToken)
    {
        var visible = await db.Orders.AsNoTracking()
            .Where(OrderVisibility.For(actor))
            .Where(o => o.Id == orderId)
            .Select(o => new { History = o.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return visible?.History;
    }

    public async Task<IReadOnlyList<Order>> ListAsync(OrderFilter filter, Actor actor, DateTimeOffset now, OrderCursor? after, int limit, CancellationToken cancellationToken)
    {
        var query = Filtered(filter, actor, now, OrderVisibility.For(actor));
        if (after is not null)
        {
            query = query.Where(o => EF.Functions.LessThan(ValueTuple.Create(o.CreatedAt, o.Id), ValueTuple.Create(after.CreatedAt, after.Id)));
        }

        return await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(limit).ToListAsync(cancellationToken);
    }

    public Task<int> CountAsync(OrderFilter filter, Actor actor, DateTimeOffset now, int cap, CancellationToken cancellationToken) =>
        Filtered(filter, actor, now, OrderVisibility.For(actor)).Take(cap).CountAsync(cancellationToken);

    public async IAsyncEnumerable<OrderExportRow> StreamExportRowsAsync(OrderFilter filter, Actor actor, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Its own context, without the retrying execution strategy: under that strategy EF Core reads a query's whole
        // result before the first row (so that it could run it again), and a million rows took the server from 180 MB
        // to over 1 GB before the first byte left. A fault halfway through a download cannot be retried anyway.
        await using var reads = streamingReads.CreateContext();
        var rows = Filtered(reads, filter, actor, now, OrderVisibility.ForExport(actor))
            .OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id)
            .Select(o => new OrderExportRow(
                o.TrackingCode, o.Status, o.MerchantId,
                reads.Users.Where(u => u.Id == o.MerchantId).Select(u => u.DisplayName).FirstOrDefault(),
                o.Customer.Name, o.Customer.Phone, o.Customer.Email,
                o.DeliveryAddress.Line1, o.DeliveryAddress.Line2, o.DeliveryAddress.City, o.DeliveryAddress.PostalCode, o.DeliveryAddress.Country,
                o.Items.Count, o.Items.Sum(i => i.Quantity), o.Total, o.Currency,
                o.AssignedCourierId, reads.Users.Where(u => u.Id == o.AssignedCourierId).Select(u => u.DisplayName).FirstOrDefault(),
                o.AssignedPartnerId, reads.DeliveryPartners.Where(p => p.Id == o.AssignedPartnerId).Select(p => p.Name).FirstOrDefault(),
                o.CreatedAt, o.UpdatedAt, o.EstimatedDeliveryAt, o.DeliveredAt))
            .AsAsyncEnumerable();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private IQueryable<Order> Filtered(OrderFilter filter, Actor actor, DateTimeOffset now, Expression<Func<Order, bool>> scope) => Filtered(db, filter, actor, now, scope);

    private static IQueryable<Order> Filtered(AppDbContext context, OrderFilter filter, Actor actor, DateTimeOffset now, Expression<Func<Order, bool>> scope)
    {
        var query = context.Orders.AsNoTracking().Where(scope);
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(o => statuses.Contains(o.Status));
        }

        if (filter.MerchantId is { } merchantId)
        {
            query = query.Where(o => o.MerchantId == merchantId);
        }

        if (filter.CourierId is { } courierId)
        {
            query = query.Where(o => o.AssignedCourierId == courierId);
        }

        if (filter.PartnerId is { } partnerId)
        {
            query = query.Where(o => o.AssignedPartnerId == partnerId);
        }

        if (filter.CreatedFrom is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            query = query.Where(o => o.CreatedAt >= fromUtc);
        }

        if (filter.CreatedTo is { } to)
        {
            var toUtc = to.ToUniversalTime();
            query = query.Where(o => o.CreatedAt <= toUtc);
        }

        if (filter.Assignment == OrderAssignmentFilter.Unassigned)
        {
            query = query.Where(Order.Unassigned);
        }

        if (filter.Overdue is { } overdue)
        {
            var overdueAtNow = Order.OverdueAt(now);
            query = query.Where(overdue ? overdueAtNow : overdueAtNow.Not());
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // Each arm has its own index (docs/decisions, perf ADR): a btree prefix index on the code, trigram indexes on the
            // name, the city and the postal code; PostgreSQL ORs their bitmaps and keeps the keyset order on top.
            var term = filter.Search.Trim();
            var pattern = "%" + EscapeLike(term) + "%";
            Expression<Func<Order, bool>> byCodeOrArea = o =>
                EF.Functions.ILike(o.DeliveryAddress.City, pattern, "\\") || EF.Functions.ILike(o.DeliveryAddress.PostalCode, pattern, "\\");
            if (TrackingCode.SearchPrefix(term) is { } prefix)
            {
                var codePattern = prefix + "%";
                Expression<Func<Order, bool>> byCode = o => EF.Functions.Like(o.TrackingCode, codePattern);
                byCodeOrArea = byCode.Or(byCodeOrArea);
            }

            // A customer's name finds only orders whose customer the caller may see: not a courier's pool orders.
            Expression<Func<Order, bool>> byName = o => EF.Functions.ILike(o.Customer.Name, pattern, "\\");
            query = query.Where(byCodeOrArea.Or(OrderVisibility.WithCustomer(actor).And(byName)));
        }

        return query;
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
