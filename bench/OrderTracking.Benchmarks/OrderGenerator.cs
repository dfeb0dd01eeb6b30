using Bogus;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Benchmarks;

/// <summary>
/// A year of orders, oldest first, each created and moved through its lifecycle by the real Domain methods, so
/// every history (and every figure the Domain keeps beside it) is one the application could have written.
/// Busier on weekdays and around midday, growing over the year; merchants of very different sizes; most orders
/// delivered within hours, some late, some failed once or twice (then delivered or returned), a few cancelled,
/// and the most recent ones still on their way.
/// <para>
/// The times have the structure real deliveries have, so that an arrival estimate has something to learn (a uniform
/// random ride, as this generator used to draw, leaves nothing but the median): customers live in 36 postal areas on
/// a grid; each merchant has a home area, its own pace of dispatch and riding; a ride takes longer the farther the
/// area is from the merchant and in the rush hours, shorter at night and at weekends, times a log-normal spread
/// (σ 0.25); 3 % of rides meet a long delay of 2 to 8 hours (before: 8 % of 12 to 36 hours, which also set the
/// analytics' "some late").
/// </para>
/// </summary>
public sealed class OrderGenerator
{
    private static readonly DeliveryFailureReason[] FailureReasons =
    [
        DeliveryFailureReason.RecipientUnavailable, DeliveryFailureReason.RecipientUnavailable, DeliveryFailureReason.RecipientUnavailable,
        DeliveryFailureReason.AddressNotFound, DeliveryFailureReason.AddressNotFound,
        DeliveryFailureReason.RefusedByRecipient, DeliveryFailureReason.Damaged, DeliveryFailureReason.Other,
    ];

    /// <summary>What each merchant promises, by merchant: hours from creation to the estimated delivery.</summary>
    private static readonly int[] PromiseHours = [4, 8, 24, 48];

    private readonly Random _random;
    private readonly BenchCast _cast;
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;
    private readonly double[] _merchantWeights;
    private readonly (Customer Customer, DeliveryAddress Address, int Area)[] _customers;
    private readonly int[] _merchantHome;
    private readonly double[] _merchantRideMinutes;
    private readonly double[] _merchantDispatchMinutes;

    /// <summary>The postal areas, on a 6 × 6 grid (index = row * 6 + column), roughly as London's outward codes lie.</summary>
    private static readonly string[] Areas =
    [
        "NW3", "NW5", "N7", "N4", "N16", "E17",
        "NW8", "NW1", "N1", "E8", "E5", "E10",
        "W2", "W1", "EC1", "E2", "E3", "E15",
        "W8", "SW1", "EC4", "E1", "E14", "E16",
        "SW5", "SW3", "SE1", "SE16", "SE8", "SE10",
        "SW6", "SW11", "SW9", "SE5", "SE15", "SE13",
    ];
    private readonly (string Name, decimal Price)[] _products;
    private readonly HashSet<string> _trackingCodes = new(StringComparer.Ordinal);

    public OrderGenerator(BenchCast cast, DateTimeOffset start, DateTimeOffset end, int seed)
    {
        _random = new Random(seed);
        _cast = cast;
        _start = start;
        _end = end;

        // Zipf-like: the biggest merchant has about a seventh of the orders, the smallest about a hundredth.
        var weights = cast.Merchants.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).ToArray();
        var total = weights.Sum();
        _merchantWeights = weights.Select(w => w / total).ToArray();

        var faker = new Faker("en") { Random = new Randomizer(seed) };
        _customers = Enumerable.Range(0, 5000).Select(_ =>
        {
            var area = faker.Random.Int(0, Areas.Length - 1);
            var postalCode = $"{Areas[area]} {faker.Random.Int(1, 9)}{faker.Random.String2(2, "ABDEFGHJLNPQRSTUWXYZ")}";
            return (
                new Customer(faker.Name.FullName(), faker.Phone.PhoneNumber("+44 7### ######"), faker.Random.Bool(0.7f) ? faker.Internet.Email() : null),
                new DeliveryAddress(faker.Address.StreetAddress(), faker.Random.Bool(0.2f) ? faker.Address.SecondaryAddress() : null, "London", postalCode, "United Kingdom"),
                area);
        }).ToArray();

        // Each merchant: a home area, a riding pace (a bike shop across the road or a van across town) and a dispatch pace.
        _merchantHome = cast.Merchants.Select(_ => _random.Next(Areas.Length)).ToArray();
        _merchantRideMinutes = cast.Merchants.Select(_ => 12 + _random.NextDouble() * 28).ToArray();
        _merchantDispatchMinutes = cast.Merchants.Select(_ => 15 + _random.NextDouble() * 45).ToArray();
        _products = Enumerable.Range(0, 400).Select(_ => (faker.Commerce.ProductName(), Math.Round(faker.Random.Decimal(1, 80), 2))).ToArray();
    }

    /// <summary><paramref name="count"/> orders, oldest first.</summary>
    public IEnumerable<Order> Generate(int count)
    {
        foreach (var createdAt in CreationTimes(count))
        {
            yield return Walk(createdAt);
        }
    }

    private IEnumerable<DateTimeOffset> CreationTimes(int count)
    {
        var days = (int)(_end - _start).TotalDays;
        var weights = Enumerable.Range(0, days).Select(d =>
        {
            var day = _start.AddDays(d);
            var weekday = day.DayOfWeek switch { DayOfWeek.Saturday => 0.7, DayOfWeek.Sunday => 0.5, _ => 1.0 };
            return weekday * (0.8 + 0.4 * d / days);
        }).ToArray();
        var total = weights.Sum();
        var perDay = weights.Select(w => (int)(count * w / total)).ToArray();
        for (var left = count - perDay.Sum(); left > 0; left--)
        {
            perDay[_random.Next(days)]++;
        }

        for (var d = 0; d < days; d++)
        {
            var times = new double[perDay[d]];
            for (var i = 0; i < times.Length; i++)
            {
                // Around 13:00 UTC, most between 08:00 and 18:00.
                times[i] = Math.Clamp(13 * 60 + Normal() * 200, 5 * 60, 23 * 60 + 59) + _random.NextDouble();
            }

            Array.Sort(times);
            foreach (var minute in times)
            {
                yield return _start.AddDays(d).AddMilliseconds(Math.Round(minute * 60_000));
            }
        }
    }

    private Order Walk(DateTimeOffset createdAt)
    {
        var merchantIndex = PickMerchant();
        var merchant = _cast.Merchants[merchantIndex];
        var (customer, address, area) = _customers[_random.Next(_customers.Length)];
        var items = Enumerable.Range(0, 1 + (int)(Math.Pow(_random.NextDouble(), 2) * 4))
            .Select(_ => _products[_random.Next(_products.Length)])
            .Select(p => new OrderItem(p.Name, 1 + (int)(Math.Pow(_random.NextDouble(), 3) * 5), p.Price))
            .ToList();
        var estimate = _random.NextDouble() < 0.9 ? createdAt.AddHours(PromiseHours[merchantIndex % PromiseHours.Length]) : (DateTimeOffset?)null;

        Order order;
        do
        {
            order = Order.Create(merchant.Id, customer, address, items, "GBP", _random.NextDouble() < 0.2 ? "Leave with a neighbour if nobody is in." : null, estimate, merchant, createdAt);
        }
        while (!_trackingCodes.Add(order.TrackingCode));

        var at = createdAt;
        bool Step(double minutes, Action<DateTimeOffset> move)
        {
            var next = at.AddMinutes(minutes);
            if (next > _end)
            {
                return false; // not happened yet: the order stays where it is
            }

            at = next;
            move(at);
            return true;
        }

        var fate = _random.NextDouble();
        var cancelAt = fate < 0.04 ? _random.Next(4) : -1; // 4 % cancelled, at one of the merchant's four stages
        var failures = fate < 0.04 ? 0 : fate < 0.11 ? 1 : fate < 0.125 ? 2 : 0;
        var returned = failures > 0 && _random.NextDouble() < 0.45;

        bool Cancelled(int stage)
        {
            if (stage != cancelAt)
            {
                return false;
            }

            Step(Minutes(5, 240), a => order.Cancel("Customer changed their mind", merchant, a));
            return true;
        }

        if (Cancelled(0) || !Step(Minutes(1, 45), a => order.Confirm(merchant, a))
            || Cancelled(1) || !Step(Minutes(5, 90), a => order.StartPreparing(merchant, a))
            || Cancelled(2) || !Step(Minutes(10, 180), a => order.MarkReadyForPickup(merchant, a))
            || Cancelled(3))
        {
            return Done(order);
        }

        // The wait for the courier: the merchant's dispatch pace, longer in the rush hours, split over its three steps.
        var wait = _merchantDispatchMinutes[merchantIndex] * RushFactor(at) * LogNormal(0.3);
        var usePartner = _random.NextDouble() < 0.15;
        var partner = _cast.Partners[_random.Next(_cast.Partners.Count)];
        var delivery = usePartner ? partner.Actor : _cast.Couriers[_random.Next(_cast.Couriers.Count)];
        if (!Step(wait * 0.3, a =>
            {
                if (usePartner)
                {
                    order.AssignPartner(partner.Actor.Id, partner.Actor.DisplayName, merchant, a);
                }
                else
                {
                    order.AssignCourier(delivery.Id, delivery.DisplayName, merchant, a);
                }
            })
            || !Step(wait * 0.6, a => order.MarkPickedUp(delivery, a))
            || !Step(wait * 0.1, a => order.MarkInTransit(delivery, a)))
        {
            return Done(order);
        }

        for (var attempt = 1; attempt <= failures; attempt++)
        {
            var reason = FailureReasons[_random.Next(FailureReasons.Length)];
            if (!Step(Minutes(20, 300), a => order.MarkDeliveryFailed(reason, delivery, a, reason == DeliveryFailureReason.Other ? "Gate locked, no answer on the phone" : null)))
            {
                return Done(order);
            }

            if (attempt == failures && returned)
            {
                Step(Minutes(60, 48 * 60), a => order.MarkReturned(delivery, a));
                return Done(order);
            }

            if (!Step(Minutes(12 * 60, 30 * 60), a => order.MarkInTransit(delivery, a)))
            {
                return Done(order);
            }
        }

        var delay = _random.NextDouble() < 0.03 ? Minutes(2 * 60, 8 * 60) : 0; // the van broke down, the road was closed...
        Step(Ride(merchantIndex, area, at) + delay, a => order.MarkDelivered(customer.Name.Split(' ')[0], delivery, a, "Handed over at the door"));
        return Done(order);
    }

    private static Order Done(Order order)
    {
        order.ClearDomainEvents();
        return order;
    }

    /// <summary>
    /// Minutes from out for delivery to the door: the merchant's pace, plus 7 minutes per grid step from its home area,
    /// times the hour's traffic and a log-normal spread.
    /// </summary>
    private double Ride(int merchant, int area, DateTimeOffset start)
    {
        var home = _merchantHome[merchant];
        var steps = Math.Abs(home / 6 - area / 6) + Math.Abs(home % 6 - area % 6);
        return (_merchantRideMinutes[merchant] + 7 * steps) * RushFactor(start) * LogNormal(0.25);
    }

    /// <summary>Weekday rush hours (07–09, 16–19 UTC) slow everything; nights and weekends are quicker.</summary>
    private static double RushFactor(DateTimeOffset at)
    {
        var hour = at.UtcDateTime.Hour;
        if (at.UtcDateTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return 0.85;
        }

        return hour switch
        {
            >= 7 and < 9 or >= 16 and < 19 => 1.45,
            >= 22 or < 6 => 0.75,
            _ => 1.0,
        };
    }

    private double LogNormal(double sigma) => Math.Exp(sigma * Normal());

    private int PickMerchant()
    {
        var roll = _random.NextDouble();
        for (var i = 0; i < _merchantWeights.Length; i++)
        {
            roll -= _merchantWeights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return _merchantWeights.Length - 1;
    }

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> minutes, short ones more likely.</summary>
    private double Minutes(double min, double max) => min + (max - min) * Math.Pow(_random.NextDouble(), 2);

    private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
