using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.CourierPositions;
using OrderTracking.Infrastructure.Persistence.Repositories;
using OrderTracking.Infrastructure.Retention;

namespace OrderTracking.Infrastructure.Arrivals;

public static class LiveMapServices
{
    /// <summary>Courier positions, the arrival statistics, the tracking page's facts and settings, and their retention rule.</summary>
    public static IServiceCollection AddLiveMap(this IServiceCollection services)
    {
        services.AddScoped<ICourierPositions, CourierPositionStore>();
        services.AddScoped<IArrivalStatistics, ArrivalStatisticsStore>();
        services.AddScoped<ITrackingFactsReader, TrackingFactsReader>();
        services.AddScoped<ITrackingPageSettingsRepository, TrackingPageSettingsRepository>();
        services.AddScoped<IRetentionRule, CourierPositionRetention>();
        return services;
    }
}
