using Microsoft.Extensions.Options;
using OrderTracking.Infrastructure.Export;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The exports this instance is streaming: at most <see cref="ExportOptions.MaxConcurrentPerUser"/> per caller and
/// <see cref="ExportOptions.MaxConcurrent"/> in all (the size of the exports' own connection pool). A slot is held until
/// the export's response has been written, however slowly the client reads it.
/// </summary>
public sealed class ExportSlots(IOptions<ExportOptions> options)
{
    private readonly Dictionary<string, int> _byCaller = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _total;

    public ExportSlotOutcome TryTake(string caller, out IDisposable? slot)
    {
        var limits = options.Value;
        lock (_lock)
        {
            slot = null;
            var held = _byCaller.GetValueOrDefault(caller);
            if (held >= limits.MaxConcurrentPerUser)
            {
                return ExportSlotOutcome.CallerAtLimit;
            }

            if (_total >= limits.MaxConcurrent)
            {
                return ExportSlotOutcome.InstanceAtLimit;
            }

            _byCaller[caller] = held + 1;
            _total++;
            slot = new Slot(this, caller);
            return ExportSlotOutcome.Taken;
        }
    }

    private void Release(string caller)
    {
        lock (_lock)
        {
            _total--;
            if (--_byCaller[caller] == 0)
            {
                _byCaller.Remove(caller);
            }
        }
    }

    private sealed class Slot(ExportSlots slots, string caller) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release(caller);
            }
        }
    }
}

public enum ExportSlotOutcome
{
    Taken,
    CallerAtLimit,
    InstanceAtLimit,
}
