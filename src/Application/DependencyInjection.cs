using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Notifications.Common;
using OrderTracking.Application.Webhooks.Events;

namespace OrderTracking.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: false);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SessionIssuer>();
        services.AddScoped<OrderWebhookPlanner>();
        services.AddScoped<CustomerEmailComposer>();
        services.AddScoped<Tracking.TrackingDetails>();
        services.AddDomainEventHandlers();
        return services;
    }

    /// <summary>
    /// Registers every <see cref="IDomainEventHandler{TEvent}"/> of this assembly, once per event type it handles, so
    /// a new handler needs no registration; adding one by hand as well does not make it run twice.
    /// </summary>
    private static void AddDomainEventHandlers(this IServiceCollection services)
    {
        var handlers = typeof(DependencyInjection).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
                .Select(contract => ServiceDescriptor.Scoped(contract, type)));
        foreach (var handler in handlers)
        {
            services.TryAddEnumerable(handler);
        }
    }
}
