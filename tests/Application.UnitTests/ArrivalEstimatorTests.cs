using OrderTracking.Application.Arrivals;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.UnitTests;

public sealed class ArrivalEstimatorTests
{
    private static readonly DateTimeOffset Out = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);

    private static ArrivalHistograms Rides(params double[] minutes)
    {
        var histogram = new DurationHistogram();
        foreach (var m in minutes)
        {
            histogram.Add(TimeSpan.FromMinutes(m));
        }

        return new ArrivalHistograms([new ArrivalHistogramRow(DeliveryLeg.ToDoor, new ArrivalGroup("SW1", ArrivalGroup.HourOfWeekOf(Out)), histogram)]);
    }

    private static ArrivalFacts OutForDelivery(DateTimeOffset? merchantEstimate = null) => new()
    {
        Status = OrderStatus.InTransit,
        Area = "SW1",
        OutForDeliveryAt = Out,
        ReadyAt = Out.AddMinutes(-30),
        MerchantEstimate = merchantEstimate,
    };

    private static double[] Spread(int count, double from, double to) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();

    [Fact]
    public void The_window_holds_the_middle_of_the_rides_and_is_never_in_the_past()
    {
        var rides = Rides(Spread(100, 20, 40));
        var atStart = ArrivalEstimator.Estimate(OutForDelivery(), rides, Out)!;
        Assert.Equal(ArrivalBasis.History, atStart.Basis);
        Assert.InRange((atStart.From!.Value - Out).TotalMinutes, 20, 22);
        Assert.InRange((atStart.To!.Value - Out).TotalMinutes, 37, 39);
        Assert.False(atStart.IsLate);

        // Half an hour on: the rides shorter than that are over; the window is what is left, from now on.
        var now = Out.AddMinutes(30);
        var later = ArrivalEstimator.Estimate(OutForDelivery(), rides, now)!;
        Assert.True(later.From >= now);
        Assert.InRange((later.To!.Value - Out).TotalMinutes, 38, 40);
        Assert.False(later.IsLate);
    }

    [Fact]
    public void Past_the_first_window_the_order_is_late_with_a_new_window_from_now()
    {
        var rides = Rides(Spread(100, 20, 40));
        var now = Out.AddMinutes(55);
        var late = ArrivalEstimator.Estimate(OutForDelivery(), rides, now)!;
        Assert.True(late.IsLate);
        Assert.True(late.From >= now);
        Assert.True(late.To > now);
    }

    [Fact]
    public void Past_the_merchants_estimate_is_late_even_when_the_rides_say_otherwise()
    {
        var rides = Rides(Spread(100, 20, 40));
        var late = ArrivalEstimator.Estimate(OutForDelivery(merchantEstimate: Out.AddMinutes(5)), rides, Out.AddMinutes(10))!;
        Assert.True(late.IsLate);
        Assert.True(late.From >= Out.AddMinutes(10));
    }

    [Fact]
    public void Too_few_rides_fall_back_to_the_merchants_estimate_and_without_one_to_nothing()
    {
        var thin = Rides(Spread(ArrivalEstimator.MinimumObservations - 1, 20, 40));
        var own = ArrivalEstimator.Estimate(OutForDelivery(merchantEstimate: Out.AddHours(2)), thin, Out)!;
        Assert.Equal(ArrivalBasis.Merchant, own.Basis);
        Assert.Equal(Out.AddHours(2), own.From);
        Assert.Null(ArrivalEstimator.Estimate(OutForDelivery(), thin, Out));

        var pastOwn = ArrivalEstimator.Estimate(OutForDelivery(merchantEstimate: Out.AddHours(-1)), thin, Out)!;
        Assert.True(pastOwn.IsLate);
        Assert.Null(pastOwn.From);
        Assert.Null(pastOwn.To);
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Returned)]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.DeliveryFailed)]
    public void Closed_orders_and_failed_attempts_have_no_window(OrderStatus status)
    {
        var rides = Rides(Spread(100, 20, 40));
        Assert.Null(ArrivalEstimator.Estimate(OutForDelivery(Out.AddHours(1)) with { Status = status }, rides, Out));
    }

    [Fact]
    public void With_the_couriers_position_and_speed_the_window_is_the_remaining_distance_at_that_speed()
    {
        var rides = Rides(Spread(100, 20, 40));
        var door = new GeoPoint(51.5007, -0.1246);
        var courier = new GeoPoint(51.5100, -0.1246); // about 1 030 m north
        var facts = OutForDelivery() with
        {
            Destination = door,
            Courier = new CourierPositionFacts(courier, Out.AddMinutes(5), SpeedMetersPerSecond: 5, ParcelsOut: 1),
        };

        var window = ArrivalEstimator.Estimate(facts, rides, Out.AddMinutes(5))!;
        Assert.Equal(ArrivalBasis.CourierPosition, window.Basis);
        var seconds = courier.MetersTo(door) * ArrivalEstimator.DetourFactor / 5;
        Assert.Equal(Out.AddMinutes(5).AddSeconds(seconds * 0.8), window.From!.Value, TimeSpan.FromSeconds(1));

        // A stale position says nothing about now: back to the rides.
        var stale = ArrivalEstimator.Estimate(facts, rides, Out.AddMinutes(5) + ArrivalEstimator.FreshPosition + TimeSpan.FromSeconds(1))!;
        Assert.Equal(ArrivalBasis.History, stale.Basis);
    }

    [Fact]
    public void Waiting_for_the_courier_adds_the_wait_and_the_ride()
    {
        var wait = new DurationHistogram();
        var ride = new DurationHistogram();
        foreach (var m in Spread(100, 10, 20))
        {
            wait.Add(TimeSpan.FromMinutes(m));
            ride.Add(TimeSpan.FromMinutes(m + 20));
        }

        var group = new ArrivalGroup(ArrivalGroup.AnyArea, ArrivalGroup.AnyHour);
        var histograms = new ArrivalHistograms([new(DeliveryLeg.ToCourier, group, wait), new(DeliveryLeg.ToDoor, group, ride)]);
        var ready = new ArrivalFacts { Status = OrderStatus.ReadyForPickup, Area = "SW1", ReadyAt = Out };
        var window = ArrivalEstimator.Estimate(ready, histograms, Out)!;
        Assert.InRange((window.From!.Value - Out).TotalMinutes, 40, 46);
        Assert.InRange((window.To!.Value - Out).TotalMinutes, 54, 60);
    }

    [Fact]
    public void Areas_and_hours_of_the_week_are_counted_the_same_way_everywhere()
    {
        Assert.Equal("SW1A", ArrivalGroup.AreaOf("sw1a 1aa"));
        Assert.Equal("N1", ArrivalGroup.AreaOf(" N1 9GU"));
        Assert.Equal("101", ArrivalGroup.AreaOf("10115"));
        Assert.Equal(0, ArrivalGroup.HourOfWeekOf(new DateTimeOffset(2026, 12, 7, 0, 30, 0, TimeSpan.Zero))); // a Monday
        Assert.Equal(167, ArrivalGroup.HourOfWeekOf(new DateTimeOffset(2026, 12, 13, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(0, ArrivalGroup.HourOfWeekOf(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.FromHours(1))));
        Assert.Equal(0, DurationHistogram.BinOf(-3));
        Assert.Equal(DurationHistogram.BinCount - 1, DurationHistogram.BinOf(100_000));
    }
}
