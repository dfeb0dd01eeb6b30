using Microsoft.EntityFrameworkCore;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using OrderTracking.Infrastructure.Persistence;
using Xunit.Abstractions;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The visibility filter sits on every read of an order, so its SQL is pinned: plain comparisons of indexed columns
/// with the actor's id as a parameter, the same for the get-one and the list query. Only translated, never run.
/// </summary>
public sealed class OrderVisibilitySqlTests(ITestOutputHelper output)
{
    private const string CourierFilter =
        "o.assigned_courier_id = @Value OR (o.status = 'ReadyForPickup' AND o.assigned_courier_id IS NULL AND o.assigned_partner_id IS NULL)";

    /// <summary>The WHERE clause of one order by id, and of a page.</summary>
    public static TheoryData<ActorType, string, string> FilterOfEveryKind() => new()
    {
        { ActorType.Admin, "WHERE o.id = @id", "FROM orders AS o ORDER BY" },
        { ActorType.Merchant, "WHERE o.merchant_id = @Value AND o.id = @id", "WHERE o.merchant_id = @Value ORDER BY" },
        { ActorType.Delivery, $"WHERE ({CourierFilter}) AND o.id = @id", $"WHERE {CourierFilter} ORDER BY" },
        { ActorType.Partner, "WHERE o.assigned_partner_id = @Value AND o.id = @id", "WHERE o.assigned_partner_id = @Value ORDER BY" },
    };

    [Theory]
    [MemberData(nameof(FilterOfEveryKind))]
    public void One_order_and_a_page_filter_on_the_columns_of_the_rule_alone(ActorType kind, string oneOrder, string aPage)
    {
        using var db = new AppDbContext((DbContextOptions<AppDbContext>)AppDbContextOptions.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost").Options);
        var actor = new Actor(kind, Guid.NewGuid(), kind.ToString());
        var id = Guid.NewGuid();

        var one = db.Orders.AsNoTracking().Where(OrderVisibility.For(actor)).Where(o => o.Id == id).AsSingleQuery().ToQueryString();
        var page = db.Orders.AsNoTracking().Where(OrderVisibility.For(actor)).OrderByDescending(o => o.CreatedAt).Take(25).AsSingleQuery().ToQueryString();
        output.WriteLine(one);
        output.WriteLine(page);

        Assert.Contains(oneOrder + " ORDER BY", Normalized(one));
        Assert.Contains(aPage, Normalized(page));
    }

    private static string Normalized(string sql) => System.Text.RegularExpressions.Regex.Replace(
        string.Join(' ', sql.Split('\n').Where(line => !line.StartsWith("--", StringComparison.Ordinal))), @"\s+", " ");
}
