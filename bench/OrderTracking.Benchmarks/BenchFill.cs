using System.Diagnostics;

namespace OrderTracking.Benchmarks;

/// <summary>
/// The orders the HTTP benchmark works on, made through the product's API as a merchant would (and moved by the
/// merchant, the admin and a delivery partner): some to read, and three pools in InTransit, assigned to a partner,
/// for the status routes (one for the product, one for the raw baseline, one for the partner route), plus one order
/// for the live fan-out.
/// </summary>
public sealed record BenchFill(
    Guid MerchantId,
    string PartnerApiKey,
    IReadOnlyList<(Guid Id, string TrackingCode)> ReadOrders,
    IReadOnlyList<(Guid Id, string TrackingCode)> ProductPool,
    IReadOnlyList<(Guid Id, string TrackingCode)> RawPool,
    IReadOnlyList<(Guid Id, string TrackingCode)> PartnerPool,
    (Guid Id, string TrackingCode) LiveOrder,
    TimeSpan Took)
{
    private const int Parallel = 8;

    public int ApiOrders => ReadOrders.Count + ProductPool.Count + RawPool.Count + PartnerPool.Count + 1;

    public static async Task<BenchFill> MakeAsync(ProductApi admin, ProductApi merchant, HttpBenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var me = await merchant.GetAsync("/api/auth/me");
        var partnerId = await admin.PartnerIdAsync("Swift Parcels");
        var apiKey = await admin.IssueApiKeyAsync(partnerId);

        var read = await ManyAsync(options.ReadOrders, _ => merchant.CreateOrderAsync());
        var pools = await ManyAsync(options.PoolOrders * 3 + 1, async _ =>
        {
            var order = await merchant.CreateOrderAsync();
            foreach (var status in (string[])["Confirmed", "Preparing", "ReadyForPickup"])
            {
                await merchant.ChangeStatusAsync(order.Id, status);
            }

            await merchant.AssignPartnerAsync(order.Id, partnerId);
            await admin.ChangeStatusAsync(order.Id, "PickedUp");
            await admin.ChangeStatusAsync(order.Id, "InTransit");
            return order;
        });

        var n = options.PoolOrders;
        return new BenchFill(
            me.GetProperty("id").GetGuid(), apiKey, read, pools[..n], pools[n..(2 * n)], pools[(2 * n)..(3 * n)], pools[^1], clock.Elapsed);
    }

    private static async Task<List<T>> ManyAsync<T>(int count, Func<int, Task<T>> make)
    {
        using var gate = new SemaphoreSlim(Parallel);
        var tasks = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await make(i);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(tasks)];
    }
}
