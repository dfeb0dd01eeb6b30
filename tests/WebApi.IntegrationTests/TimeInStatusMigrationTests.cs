using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.IntegrationTests.Infrastructure;
using static OrderTracking.WebApi.IntegrationTests.Infrastructure.OrderTimeline;

namespace OrderTracking.WebApi.IntegrationTests;

/// <summary>
/// The AnalyticsSummary migration replays the history of orders that existed before it, and must arrive at what
/// the Domain computes as the orders move; so must the migration that numbers each order's timeline (its version).
/// </summary>
public sealed class TimeInStatusMigrationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string MigrationBefore = "20261125133250_SessionsAndLockout";

    [Fact]
    public async Task Migrating_fills_status_changed_at_and_time_in_status_of_existing_orders_from_their_history()
    {
        var merchant = await api.CreateUserAsync(UserRole.Merchant);
        var courier = await api.CreateUserAsync(UserRole.Delivery);
        var at = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
        Order[] expected =
        [
            Build(merchant, courier, at, null),
            Build(merchant, courier, at.AddHours(1), null, To(OrderStatus.Confirmed, 12.5), Cancel(30)),
            Build(merchant, courier, at.AddHours(2), at.AddHours(9),
                [.. OutForDelivery(3, 7, 45, 20, 5, 11), Fail(DeliveryFailureReason.Damaged, 40), To(OrderStatus.InTransit, 90), To(OrderStatus.Delivered, 25)]),
            Build(merchant, courier, at.AddHours(3), null, [.. OutForDelivery(1, 2, 3, 4, 5, 6)]),
        ];

        await api.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(MigrationBefore);
            foreach (var order in expected)
            {
                await InsertWithTheOldSchemaAsync(db, order);
            }

            await migrator.MigrateAsync();
            return 0;
        });

        var ids = expected.Select(o => o.Id).ToList();
        var stored = await api.WithDbAsync(db => db.Orders.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id));
        var steps = await api.WithDbAsync(db => db.OrderHistory.AsNoTracking().Where(h => ids.Contains(h.OrderId)).ToDictionaryAsync(h => h.Id, h => h.Version));
        Assert.All(expected, order =>
        {
            Assert.Equal(order.TimeInStatus, stored[order.Id].TimeInStatus);
            Assert.Equal(order.StatusChangedAt, stored[order.Id].StatusChangedAt);
            Assert.Equal(order.Version, stored[order.Id].Version);
            Assert.All(order.History, step => Assert.Equal(step.Version, steps[step.Id]));
        });
        Assert.Equal(TimeSpan.FromMinutes(12.5), stored[expected[1].Id].TimeInStatus.Pending);
        Assert.Equal(TimeSpan.FromMinutes(25), stored[expected[2].Id].TimeInStatus.ReadyForPickup); // the assignment 20 minutes in did not end it
        Assert.Equal(TimeSpan.FromMinutes(40 + 25), stored[expected[2].Id].TimeInStatus.InTransit);
        Assert.Equal(TimeSpan.FromMinutes(90), stored[expected[2].Id].TimeInStatus.DeliveryFailed);
        Assert.Null(stored[expected[0].Id].TimeInStatus.Pending);
    }

    private static async Task InsertWithTheOldSchemaAsync(AppDbContext db, Order o)
    {
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO orders (id, tracking_code, merchant_id, status, customer_name, customer_phone, customer_email,
                                delivery_address_line1, delivery_address_line2, delivery_address_city, delivery_address_postal_code,
                                delivery_address_country, currency, total, notes, estimated_delivery_at, assigned_courier_id,
                                assigned_partner_id, created_at, updated_at, delivered_at)
            VALUES ({o.Id}, {o.TrackingCode}, {o.MerchantId}, {o.Status.ToString()}, {o.Customer.Name}, {o.Customer.Phone}, {o.Customer.Email},
                    {o.DeliveryAddress.Line1}, {o.DeliveryAddress.Line2}, {o.DeliveryAddress.City}, {o.DeliveryAddress.PostalCode},
                    {o.DeliveryAddress.Country}, {o.Currency}, {o.Total}, {o.Notes}, {o.EstimatedDeliveryAt}, {o.AssignedCourierId},
                    {o.AssignedPartnerId}, {o.CreatedAt}, {o.UpdatedAt}, {o.DeliveredAt})
            """);
        foreach (var h in o.History)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO order_history (id, order_id, "from", "to", at, actor_type, actor_id, actor_name, note, reason)
                VALUES ({h.Id}, {h.OrderId}, {h.From?.ToString()}, {h.To.ToString()}, {h.At}, {h.ActorType.ToString()}, {h.ActorId}, {h.ActorName}, {h.Note}, {h.Reason})
                """);
        }
    }
}
