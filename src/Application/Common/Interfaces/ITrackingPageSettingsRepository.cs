using OrderTracking.Domain.Merchants;

namespace OrderTracking.Application.Common.Interfaces;

public interface ITrackingPageSettingsRepository
{
    /// <summary>The merchant's tracking-page settings, tracked for changes; null while it keeps the defaults.</summary>
    Task<TrackingPageSettings?> FindAsync(Guid merchantId, CancellationToken cancellationToken);

    void Add(TrackingPageSettings settings);
}
