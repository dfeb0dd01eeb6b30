namespace OrderTracking.Benchmarks;

/// <summary>
/// Orders in InTransit that a status route moves back and forth (DeliveryFailed, InTransit, ...), each from the status
/// it has in the database when the round starts. An order has one slot in the plan, so one wrk thread moves it, and
/// comes round again only after that thread's other orders. The requests wrk cut off at the end of a round may still
/// commit afterwards, so their orders sit out the next round (their status is read again the round after).
/// </summary>
public sealed class StatusPool(string name, IReadOnlyList<(Guid Id, string TrackingCode)> orders, bool byTrackingCode, WrkRunner wrk)
{
    private HashSet<Guid> _unsettled = [];
    private List<Guid>[] _threadOrders = [];

    public async Task<string> PlanAsync(PlanWriter plans)
    {
        var usable = orders.Where(o => !_unsettled.Contains(o.Id)).ToList();
        var statuses = await plans.StatusesAsync(usable.Select(o => o.Id));
        _threadOrders = Enumerable.Range(0, wrk.Threads).Select(_ => new List<Guid>()).ToArray();
        var lines = new List<string>();
        foreach (var pass in new[] { 0, 1 })
        {
            for (var slot = 0; slot < usable.Count; slot++)
            {
                var (id, code) = usable[slot];
                var first = statuses.GetValueOrDefault(id) == "InTransit" ? "DeliveryFailed" : "InTransit";
                var target = pass == 0 ? first : Other(first);
                var path = byTrackingCode ? $"/api/partner/orders/{code}/status" : $"/api/orders/{id}/status";
                lines.Add($"{slot}\tPOST\t{path}\t{Body(target)}");
                _threadOrders[slot % wrk.Threads].Add(id);
            }
        }

        return plans.Write(name, lines);
    }

    /// <summary>The orders of the last requests each thread sent (as many as it has connections) may still be moving.</summary>
    public void Ran(WrkResult result)
    {
        _unsettled = [];
        for (var t = 0; t < result.Positions.Count && t < _threadOrders.Length; t++)
        {
            var share = _threadOrders[t];
            var position = result.Positions[t];
            for (var back = 0; position > 0 && back < wrk.ConnectionsPerThread && back < share.Count; back++)
            {
                _unsettled.Add(share[(((position - 1 - back) % share.Count) + share.Count) % share.Count]);
            }
        }
    }

    private static string Other(string status) => status == "InTransit" ? "DeliveryFailed" : "InTransit";

    private static string Body(string status) => status == "DeliveryFailed"
        ? """{"status":"DeliveryFailed","reason":"RecipientUnavailable"}"""
        : """{"status":"InTransit"}""";
}
