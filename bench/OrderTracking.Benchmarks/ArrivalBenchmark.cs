using System.Diagnostics;
using System.Globalization;
using System.Text;
using OrderTracking.Application.Arrivals;
using OrderTracking.Domain.Common;
using OrderTracking.Domain.Orders;
using Spectre.Console;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The arrival estimate, evaluated honestly: the benchmark's generated year of orders (the same generator, seed and
/// size as the analytics benchmark), the model trained on the legs that ended in the first eleven months and scored on
/// the rides that began in the last one, beside the merchant's own estimate and a naive median (the merchant's median
/// ride, whatever the area and hour). The model is the application's own code (<see cref="DurationHistogram"/>,
/// <see cref="ArrivalHistograms"/>, <see cref="ArrivalEstimator"/>), fed the histograms its outbox handler would keep.
/// Usage: dotnet run -c Release --project bench/OrderTracking.Benchmarks -- arrivals [--orders N] [--out FILE]
/// </summary>
public static class ArrivalBenchmark
{
    /// <summary>The budget: the model's mean absolute error at most this share of the naive median's…</summary>
    public const double MaeBudget = 0.7;

    /// <summary>…and at least this share of arrivals inside the window.</summary>
    public const double InsideBudget = 0.8;

    private static readonly string[] PartnerNames = ["Swift Parcels", "Citywide Couriers"];

    public static int Run(string[] args)
    {
        var orders = Option(args, "--orders") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 1_000_000;
        var output = Option(args, "--out") ?? Path.Combine("bench", "results", "arrival-benchmark.md");
        var end = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var start = end.AddDays(-365);
        var cutoff = start.AddMonths(11);
        var cast = InMemoryCast();
        var generator = new OrderGenerator(cast, start, end, seed: 20261125);
        var clock = Stopwatch.StartNew();

        var histograms = new Dictionary<(Guid Merchant, DeliveryLeg Leg, ArrivalGroup Group), DurationHistogram>();
        void Count(Guid merchant, DeliveryLeg leg, string area, int hour, TimeSpan duration)
        {
            foreach (var group in ArrivalGroup.FallbackChain(area, hour))
            {
                if (!histograms.TryGetValue((merchant, leg, group), out var histogram))
                {
                    histograms[(merchant, leg, group)] = histogram = new DurationHistogram();
                }

                histogram.Add(duration);
            }
        }

        var scored = new List<Ride>();
        foreach (var order in generator.Generate(orders))
        {
            var area = ArrivalGroup.AreaOf(order.DeliveryAddress.PostalCode);
            foreach (var leg in Legs(order))
            {
                if (leg.End < cutoff)
                {
                    Count(order.MerchantId, leg.Leg, area, ArrivalGroup.HourOfWeekOf(leg.Start), leg.End - leg.Start);
                }
                else if (leg.Leg == DeliveryLeg.ToDoor && leg.Start >= cutoff)
                {
                    scored.Add(new Ride(order.MerchantId, area, leg.Start, leg.End, order.EstimatedDeliveryAt, ReadyAt(order, leg.Start)));
                }
            }
        }

        var trainedIn = clock.Elapsed;
        // What the store's ReadAsync returns for one order: both legs, the area and the hour, and their coarser groups.
        ArrivalHistograms ForFast(Guid merchant, string area, int hour) => new(
            from leg in new[] { DeliveryLeg.ToCourier, DeliveryLeg.ToDoor }
            from g in ArrivalGroup.FallbackChain(area, hour)
            where histograms.ContainsKey((merchant, leg, g))
            select new ArrivalHistogramRow(leg, g, histograms[(merchant, leg, g)]));

        var model = new Score();
        var naive = new Score();
        var merchantOwn = new Score();
        var fromReady = new Score();
        var index = 0;
        foreach (var ride in scored)
        {
            var actual = ride.DeliveredAt - ride.OutAt;
            var hour = ArrivalGroup.HourOfWeekOf(ride.OutAt);
            var known = ForFast(ride.Merchant, ride.Area, hour);
            var facts = new ArrivalFacts { Status = OrderStatus.InTransit, Area = ride.Area, OutForDeliveryAt = ride.OutAt };
            var window = ArrivalEstimator.Estimate(facts, known, ride.OutAt);
            var median = known.Distribution(DeliveryLeg.ToDoor, ride.Area, hour, ArrivalEstimator.MinimumObservations)?.Quantile(0.5);
            var merchantMedian = known.Finest(DeliveryLeg.ToDoor, ArrivalGroup.AnyArea, ArrivalGroup.AnyHour, 1)?.Histogram.Quantile(0.5);
            if (median is null || merchantMedian is null || window?.From is null)
            {
                model.Unscored++;
                continue;
            }

            model.Add(Math.Abs((median.Value - actual).TotalMinutes), ride.DeliveredAt >= window.From && ride.DeliveredAt <= window.To);
            naive.Add(Math.Abs((merchantMedian.Value - actual).TotalMinutes), null);
            if (ride.MerchantEstimate is { } promised)
            {
                merchantOwn.Add(Math.Abs((promised - ride.DeliveredAt).TotalMinutes), null);
            }

            // The window given while the parcel waited for its courier (the wait and the ride added up), on every tenth ride.
            if (index++ % 10 == 0 && ride.ReadyAt is { } ready)
            {
                var readyHour = ArrivalGroup.HourOfWeekOf(ready);
                var readyWindow = ArrivalEstimator.Estimate(new ArrivalFacts { Status = OrderStatus.ReadyForPickup, Area = ride.Area, ReadyAt = ready }, ForFast(ride.Merchant, ride.Area, readyHour), ready);
                if (readyWindow?.From is { } from && readyWindow.To is { } to)
                {
                    var mid = from + (to - from) / 2;
                    fromReady.Add(Math.Abs((mid - ride.DeliveredAt).TotalMinutes), ride.DeliveredAt >= from && ride.DeliveredAt <= to);
                }
            }
        }

        var ratio = model.Mae / naive.Mae;
        var passed = ratio <= MaeBudget && model.InsideShare >= InsideBudget;
        var report = Report(orders, start, cutoff, end, scored.Count, model, naive, merchantOwn, fromReady, ratio, passed, trainedIn, clock.Elapsed);
        AnsiConsole.WriteLine(report);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        File.WriteAllText(output, report);
        AnsiConsole.MarkupLineInterpolated($"Written to {Path.GetFullPath(output)}.");
        return passed ? 0 : 1;
    }

    private static string Report(
        int orders, DateTimeOffset start, DateTimeOffset cutoff, DateTimeOffset end, int rides,
        Score model, Score naive, Score merchantOwn, Score fromReady, double ratio, bool passed, TimeSpan trainedIn, TimeSpan total)
    {
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(invariant, $"# Arrival estimate benchmark");
        text.AppendLine();
        text.AppendLine(invariant, $"{orders:N0} generated orders from {start:yyyy-MM-dd} to {end:yyyy-MM-dd} (seed 20261125); trained on legs that ended before {cutoff:yyyy-MM-dd}, scored on the {rides:N0} rides that went out for delivery after it and were delivered. Trained in {trainedIn.TotalSeconds:0} s, scored in {(total - trainedIn).TotalSeconds:0} s.");
        text.AppendLine();
        text.AppendLine("| Estimate, made when the parcel goes out for delivery | Rides scored | Mean absolute error (min) | Arrivals inside the window |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(invariant, $"| Learned: the median and the 5–90 % window of the finest group (area × hour of week → area, scaled by the hour's pace → hour → all) | {model.Count:N0} | {model.Mae:0.0} | {model.InsideShare:P1} |");
        text.AppendLine(invariant, $"| Naive: the merchant's median ride | {naive.Count:N0} | {naive.Mae:0.0} | – |");
        text.AppendLine(invariant, $"| The merchant's own estimate (given at creation) | {merchantOwn.Count:N0} | {merchantOwn.Mae:0.0} | – |");
        text.AppendLine(invariant, $"| Learned, made when the parcel was ready for pickup (wait + ride; the window's middle; every 10th ride) | {fromReady.Count:N0} | {fromReady.Mae:0.0} | {fromReady.InsideShare:P1} |");
        text.AppendLine();
        text.AppendLine(invariant, $"Budget: MAE ≤ {MaeBudget:0.0}× the naive median's (measured {ratio:0.00}×) and ≥ {InsideBudget:P0} inside the window (measured {model.InsideShare:P1}): **{(passed ? "met" : "missed")}**. Rides without enough history for any group: {model.Unscored:N0}.");
        return text.ToString();
    }

    private static IEnumerable<(DeliveryLeg Leg, DateTimeOffset Start, DateTimeOffset End)> Legs(Order order)
    {
        var steps = order.History.Where(h => h.Kind == OrderHistoryKind.StatusChange).OrderBy(h => h.At).ToList();
        DateTimeOffset? ready = null, outAt = null;
        foreach (var step in steps)
        {
            switch (step.From, step.To)
            {
                case (_, OrderStatus.ReadyForPickup): ready = step.At; break;
                case (OrderStatus.PickedUp, OrderStatus.InTransit) when ready is { } r: outAt = step.At; yield return (DeliveryLeg.ToCourier, r, step.At); break;
                case (_, OrderStatus.InTransit): outAt = step.At; break;
                case (OrderStatus.InTransit, OrderStatus.Delivered) when outAt is { } o: yield return (DeliveryLeg.ToDoor, o, step.At); break;
            }
        }
    }

    /// <summary>When the order became ready for pickup, if it went out for delivery at <paramref name="outAt"/> for the first time.</summary>
    private static DateTimeOffset? ReadyAt(Order order, DateTimeOffset outAt)
    {
        var steps = order.History.Where(h => h.Kind == OrderHistoryKind.StatusChange).ToList();
        return steps.Any(h => h.To == OrderStatus.DeliveryFailed) ? null : steps.LastOrDefault(h => h.To == OrderStatus.ReadyForPickup && h.At <= outAt)?.At;
    }

    private static BenchCast InMemoryCast()
    {
        var merchants = Enumerable.Range(0, 20).Select(i => new Actor(ActorType.Merchant, Guid.CreateVersion7(), $"Merchant {i + 1}")).ToList();
        var couriers = Enumerable.Range(0, 40).Select(i => new Actor(ActorType.Delivery, Guid.CreateVersion7(), $"Courier {i + 1}")).ToList();
        var partners = PartnerNames.Select(n => (new Actor(ActorType.Partner, Guid.CreateVersion7(), n), n)).ToList();
        return new BenchCast(merchants, couriers, partners);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Ride(Guid Merchant, string Area, DateTimeOffset OutAt, DateTimeOffset DeliveredAt, DateTimeOffset? MerchantEstimate, DateTimeOffset? ReadyAt);

    private sealed class Score
    {
        private double _absoluteMinutes;
        private int _inside;
        private int _windows;

        public int Count { get; private set; }
        public int Unscored { get; set; }
        public double Mae => Count == 0 ? double.NaN : _absoluteMinutes / Count;
        public double InsideShare => _windows == 0 ? double.NaN : (double)_inside / _windows;

        public void Add(double absoluteMinutes, bool? inside)
        {
            Count++;
            _absoluteMinutes += absoluteMinutes;
            if (inside is { } hit)
            {
                _windows++;
                _inside += hit ? 1 : 0;
            }
        }
    }
}
