using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.LiveMap;

public static class LiveMapWebServices
{
    /// <summary>The map's tile settings and the live sending of courier positions.</summary>
    public static IServiceCollection AddLiveMapWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>().Bind(configuration.GetSection(MapOptions.SectionName))
            .Validate(map => map.TileUrl.StartsWith("https://", StringComparison.Ordinal) || map.TileUrl.StartsWith('/'),
                "Map:TileUrl must be an https URL or a path on this site.")
            .ValidateOnStart();
        services.AddSingleton<ICourierPositionNotifier, SignalRCourierPositionNotifier>();
        return services;
    }
}
