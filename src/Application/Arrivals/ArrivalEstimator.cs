using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;

namespace OrderTracking.Application.Arrivals;

/// <summary>What the estimate of one order starts from; read in one place and handed to <see cref="ArrivalEstimator"/>.</summary>
public sealed record ArrivalFacts
{
    public required OrderStatus Status { get; init; }
    public required string Area { get; init; }
    public DateTimeOffset? MerchantEstimate { get; init; }

    /// <summary>When the order last became ready for pickup, and last went out for delivery.</summary>
    public DateTimeOffset? ReadyAt { get; init; }
    public DateTimeOffset? OutForDeliveryAt { get; init; }

    /// <summary>Where the courier is (fresh enough to use), how fast it has been moving, and how many parcels it is out with.</summary>
    public CourierPositionFacts? Courier { get; init; }
    public GeoPoint? Destination { get; init; }
}

public sealed record CourierPositionFacts(GeoPoint Position, DateTimeOffset RecordedAt, double? SpeedMetersPerSecond, int ParcelsOut);

/// <summary>
/// The arrival window of an open order, in plain statistics: the merchant's own past durations of the leg the parcel is
/// in (and of the legs after it), by delivery area and hour of the week with fallbacks to coarser groups (the area's
/// durations scaled by the hour's pace where the two are known apart, <see cref="ArrivalHistograms.Distribution"/>), conditioned
/// on the time the parcel has already spent in the leg, so the window moves on as the order does and is never in the
/// past. Out for delivery with a known courier position, destination and speed: the remaining distance at that speed.
/// </summary>
public static class ArrivalEstimator
{
    /// <summary>Fewer observations than this in a group, and the estimate falls back to a coarser one.</summary>
    public const int MinimumObservations = 30;

    /// <summary>The window runs from this share of the durations to that one: about 85 % of arrivals fall inside.</summary>
    public const double WindowLow = 0.05;
    public const double WindowHigh = 0.90;

    /// <summary>Streets are longer than the straight line between two points: a usual city detour factor.</summary>
    public const double DetourFactor = 1.3;

    /// <summary>A position older than this says nothing about where the courier is now.</summary>
    public static readonly TimeSpan FreshPosition = TimeSpan.FromMinutes(2);

    private static readonly double[] Percentiles = Enumerable.Range(1, 99).Select(i => i / 100.0).ToArray();

    public static ArrivalWindowDto? Estimate(ArrivalFacts facts, ArrivalHistograms histograms, DateTimeOffset now)
    {
        if (OrderLifecycle.IsTerminal(facts.Status) || facts.Status == OrderStatus.DeliveryFailed)
        {
            return null;
        }

        var pastMerchantEstimate = facts.MerchantEstimate is { } promised && promised <= now;
        var learned = facts.Status switch
        {
            OrderStatus.InTransit when facts.OutForDeliveryAt is { } since => DoorWindow(facts, histograms, since, now),
            OrderStatus.ReadyForPickup or OrderStatus.PickedUp when facts.ReadyAt is { } since => ReadyWindow(facts, histograms, since, now),
            _ => null,
        };

        if (learned is { } window)
        {
            var position = facts.Status == OrderStatus.InTransit ? PositionWindow(facts, now, window.To) : null;
            var (from, to) = position ?? (window.From, window.To);
            return new ArrivalWindowDto
            {
                From = from,
                To = to,
                IsLate = pastMerchantEstimate || window.FirstTo < now,
                Basis = position is null ? ArrivalBasis.History : ArrivalBasis.CourierPosition,
            };
        }

        return facts.MerchantEstimate is { } estimate
            ? new ArrivalWindowDto
            {
                From = pastMerchantEstimate ? null : estimate,
                To = pastMerchantEstimate ? null : estimate,
                IsLate = pastMerchantEstimate,
                Basis = ArrivalBasis.Merchant,
            }
            : null;
    }

    /// <summary>The window now, and the end of the window given when the leg began (past it, the order is late).</summary>
    private readonly record struct Learned(DateTimeOffset From, DateTimeOffset To, DateTimeOffset FirstTo);

    private static Learned? DoorWindow(ArrivalFacts facts, ArrivalHistograms histograms, DateTimeOffset since, DateTimeOffset now)
    {
        if (histograms.Distribution(DeliveryLeg.ToDoor, facts.Area, ArrivalGroup.HourOfWeekOf(since), MinimumObservations) is not { } door)
        {
            return null;
        }

        var elapsed = now - since;
        var firstTo = since + door.Quantile(WindowHigh)!.Value;
        if (door.Quantile(WindowLow, elapsed) is { } low && door.Quantile(WindowHigh, elapsed) is { } high)
        {
            return new Learned(since + low, since + high, firstTo);
        }

        // Longer on the way than any delivery before: say so, with the leg's usual length from now.
        return new Learned(now, now + door.Quantile(0.5)!.Value, firstTo);
    }

    /// <summary>Waiting for (or with) the courier: the rest of this leg and the whole ride after it, added up.</summary>
    private static Learned? ReadyWindow(ArrivalFacts facts, ArrivalHistograms histograms, DateTimeOffset since, DateTimeOffset now)
    {
        var hour = ArrivalGroup.HourOfWeekOf(since);
        if (histograms.Distribution(DeliveryLeg.ToCourier, facts.Area, hour, MinimumObservations) is not { } wait
            || histograms.Distribution(DeliveryLeg.ToDoor, facts.Area, hour, MinimumObservations) is not { } door)
        {
            return null;
        }

        var elapsed = now - since;
        var first = SumWindow(wait, TimeSpan.Zero, door);
        var (low, high) = wait.Quantile(0.5, elapsed) is null
            ? (elapsed, elapsed + door.Quantile(0.5)!.Value)
            : SumWindow(wait, elapsed, door);
        return new Learned(since + low, since + high, since + first.High);
    }

    /// <summary>
    /// The window of the first leg (conditioned on <paramref name="elapsed"/>) followed by the second, taken as
    /// independent: every pair of their percentiles added, and the window's shares of those sums.
    /// </summary>
    private static (TimeSpan Low, TimeSpan High) SumWindow(LegDistribution first, TimeSpan elapsed, LegDistribution second)
    {
        var a = Percentiles.Select(p => first.Quantile(p, elapsed)!.Value.TotalMinutes).ToArray();
        var b = Percentiles.Select(p => second.Quantile(p)!.Value.TotalMinutes).ToArray();
        var sums = new double[a.Length * b.Length];
        var k = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                sums[k++] = x + y;
            }
        }

        Array.Sort(sums);
        double At(double p) => sums[(int)Math.Round(p * (sums.Length - 1))];
        return (TimeSpan.FromMinutes(At(WindowLow)), TimeSpan.FromMinutes(At(WindowHigh)));
    }

    /// <summary>
    /// From the courier's position: the street distance to the door at its recent speed, a little either side. A courier
    /// out with other parcels may deliver those first, so the history's window end stays the latest arrival then.
    /// </summary>
    private static (DateTimeOffset, DateTimeOffset)? PositionWindow(ArrivalFacts facts, DateTimeOffset now, DateTimeOffset historyTo)
    {
        if (facts.Courier is not { SpeedMetersPerSecond: { } speed } courier || facts.Destination is not { } destination
            || now - courier.RecordedAt > FreshPosition || speed < 0.5)
        {
            return null;
        }

        var seconds = courier.Position.MetersTo(destination) * DetourFactor / Math.Clamp(speed, 1.5, 20);
        var from = now + TimeSpan.FromSeconds(seconds * 0.8);
        var to = now + TimeSpan.FromSeconds(seconds * 1.3) + TimeSpan.FromMinutes(3);
        return (from, courier.ParcelsOut > 1 && historyTo > to ? historyTo : to);
    }
}
