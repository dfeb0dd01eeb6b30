using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using OrderTracking.Application.Common.Interfaces;

namespace OrderTracking.WebApi.Hubs;

/// <summary>SignalR with the hub's limits and enum names on the wire, and the notifier that tells the hub's clients of an order's change.</summary>
public static class LiveUpdates
{
    public static IServiceCollection AddLiveUpdates(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HubLimitsFilter>();
        var signalR = services.AddSignalR(hub => hub.AddFilter<HubLimitsFilter>()).AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Several instances behind a load balancer share live updates through Redis; one instance needs nothing.
        if (configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
        {
            RedisBackplane.Add(signalR, redis);
        }

        services.AddSingleton<IOrderNotifier, SignalROrderNotifier>();
        return services;
    }
}
