using Bogus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Merchants;
using OrderTracking.Domain.Notifications;
using OrderTracking.Domain.Orders;
using OrderTracking.Domain.Partners;
using OrderTracking.Domain.Users;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.DemoData;

/// <summary>
/// Fills an empty Development database with the demo accounts, the demo partner and about forty orders
/// spread over every status, each moved through the lifecycle by the role the table names, so every
/// history is one the real application could have written. Runs under the migrations' lock (see
/// <see cref="DatabaseMigrator"/>), so when instances start together the later ones find the users and skip.
/// </summary>
public sealed partial class DemoDataSeeder(AppDbContext db, IPasswordHasher passwordHasher, TimeProvider timeProvider, ILogger<DemoDataSeeder> logger)
{
    private const int OrdersPerStatus = 4;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            LogAlreadySeeded(logger);
            return;
        }

        var now = timeProvider.GetUtcNow();
        var users = DemoAccounts.All.ToDictionary(a => a.Email, a => User.Create(a.Email, a.DisplayName, a.Role, passwordHasher.Hash(a.Password), now.AddDays(-30)));
        db.Users.AddRange(users.Values);
        var partner = DeliveryPartner.Create(DemoAccounts.PartnerName, now.AddDays(-30));
        db.DeliveryPartners.Add(partner);

        var admin = users["admin@example.com"].AsActor();
        var merchants = new[] { users["merchant@example.com"].AsActor(), users["merchant2@example.com"].AsActor() };
        var profiles = DemoProfiles(users, now.AddDays(-30));
        db.MerchantProfiles.AddRange(profiles.Values);

        // The demo merchants e-mail their customers, so a newcomer sees in the mail catcher what a status change sends.
        db.NotificationSettings.AddRange(merchants.Select(m =>
        {
            var settings = NotificationSettings.Defaults(m.Id, now.AddDays(-30));
            settings.Update(true, NotificationSettings.NotifiableStatuses, null, null, null, null, new Locale("en-GB", "Europe/London"), now.AddDays(-30));
            return settings;
        }));
        var couriers = new[] { users["courier@example.com"].AsActor(), users["courier2@example.com"].AsActor() };

        var faker = new Faker("en") { Random = new Randomizer(20261125) };
        var index = 0;
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            for (var i = 0; i < OrdersPerStatus; i++, index++)
            {
                var merchant = merchants[index % merchants.Length];
                var courier = couriers[index % couriers.Length];
                var usePartner = index % 5 == 0;
                var delivery = usePartner ? partner.AsActor() : courier;
                var createdAt = now.AddDays(-faker.Random.Double(0.2, 14));
                var locations = profiles[merchant.Id].Locations;
                var order = NewOrder(faker, merchant, locations[index % locations.Count].ToOrderPickup(), createdAt);
                WalkTo(order, status, merchant, delivery, admin, usePartner, partner, createdAt, faker);
                order.ClearDomainEvents();
                db.Orders.Add(order);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, users.Count, index);
    }

    /// <summary>Each demo merchant's business name, public contact and two pickup locations (the first the default).</summary>
    private static Dictionary<Guid, MerchantProfile> DemoProfiles(Dictionary<string, User> users, DateTimeOffset at)
    {
        var bakery = MerchantProfile.Create(users["merchant@example.com"].Id, "Corner Bakery Ltd", "+44 20 7946 0001", "hello@cornerbakery.example", at);
        bakery.AddLocation("Shop", new DeliveryAddress("12 Baker Street", null, "London", "NW1 6XE", "United Kingdom"), "Open 7:00-18:00. Collect at the counter.", true, at);
        bakery.AddLocation("Bakehouse", new DeliveryAddress("5 Mill Lane", "Unit 3", "London", "SE1 9PH", "United Kingdom"), "Ring at the back door.", false, at.AddMinutes(1));

        var grocer = MerchantProfile.Create(users["merchant2@example.com"].Id, "Green Grocer", "+44 161 496 0002", null, at);
        grocer.AddLocation("Market stall", new DeliveryAddress("Stall 14, Market Street", null, "Manchester", "M1 1PW", "United Kingdom"), "Weekdays 8:00-16:00.", true, at);
        grocer.AddLocation("Warehouse", new DeliveryAddress("40 Dock Road", null, "Manchester", "M17 1AB", "United Kingdom"), null, false, at.AddMinutes(1));

        return new[] { bakery, grocer }.ToDictionary(p => p.MerchantId);
    }

    private static Order NewOrder(Faker faker, Actor merchant, OrderPickup pickup, DateTimeOffset createdAt)
    {
        var items = Enumerable.Range(0, faker.Random.Int(1, 4))
            .Select(_ => new OrderItem(faker.Commerce.ProductName(), faker.Random.Int(1, 5), Math.Round(faker.Random.Decimal(2, 80), 2)))
            .ToList();
        return Order.Create(
            merchant.Id,
            new Customer(faker.Name.FullName(), faker.Phone.PhoneNumber("+44 7### ######"), faker.Internet.Email()),
            new DeliveryAddress(faker.Address.StreetAddress(), null, faker.Address.City(), faker.Address.ZipCode(), "United Kingdom"),
            items,
            "GBP",
            faker.Random.Bool(0.3f) ? "Leave with the neighbour if nobody is home." : null,
            createdAt.AddHours(faker.Random.Int(24, 72)),
            merchant,
            createdAt,
            pickup);
    }

    /// <summary>Moves a new order step by step to <paramref name="target"/>, each step by the right role, minutes to hours apart.</summary>
    private static void WalkTo(Order order, OrderStatus target, Actor merchant, Actor delivery, Actor admin, bool usePartner, DeliveryPartner partner, DateTimeOffset at, Faker faker)
    {
        DateTimeOffset Next() => at = at.AddMinutes(faker.Random.Int(10, 240));

        if (target == OrderStatus.Cancelled)
        {
            order.Confirm(merchant, Next());
            order.Cancel("Customer changed their mind", merchant, Next());
            return;
        }

        var path = target switch
        {
            OrderStatus.Pending => [],
            OrderStatus.Confirmed => [OrderStatus.Confirmed],
            OrderStatus.Preparing => [OrderStatus.Confirmed, OrderStatus.Preparing],
            OrderStatus.ReadyForPickup => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup],
            OrderStatus.PickedUp => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp],
            OrderStatus.InTransit => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit],
            OrderStatus.Delivered => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.Delivered],
            OrderStatus.DeliveryFailed => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.DeliveryFailed],
            OrderStatus.Returned => [OrderStatus.Confirmed, OrderStatus.Preparing, OrderStatus.ReadyForPickup, OrderStatus.PickedUp, OrderStatus.InTransit, OrderStatus.DeliveryFailed, OrderStatus.Returned],
            _ => Array.Empty<OrderStatus>(),
        };

        foreach (var step in path)
        {
            switch (step)
            {
                case OrderStatus.Confirmed: order.Confirm(merchant, Next()); break;
                case OrderStatus.Preparing: order.StartPreparing(merchant, Next()); break;
                case OrderStatus.ReadyForPickup:
                    order.MarkReadyForPickup(merchant, Next());
                    if (target != OrderStatus.ReadyForPickup || faker.Random.Bool())
                    {
                        if (usePartner)
                        {
                            order.AssignPartner(partner.Id, partner.Name, admin, Next());
                        }
                        else
                        {
                            order.AssignCourier(delivery.Id, delivery.DisplayName, merchant, Next());
                        }
                    }

                    break;
                case OrderStatus.PickedUp: order.MarkPickedUp(delivery, Next()); break;
                case OrderStatus.InTransit: order.MarkInTransit(delivery, Next()); break;
                case OrderStatus.Delivered: order.MarkDelivered(faker.Name.FirstName(), delivery, Next(), "Left at the front door"); break;
                case OrderStatus.DeliveryFailed: order.MarkDeliveryFailed(faker.PickRandom<DeliveryFailureReason>(), delivery, Next(), "Nobody answered the door"); break;
                case OrderStatus.Returned: order.MarkReturned(delivery, Next()); break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data already present; not seeding")]
    private static partial void LogAlreadySeeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Users} demo users and {Orders} demo orders")]
    private static partial void LogSeeded(ILogger logger, int users, int orders);
}
