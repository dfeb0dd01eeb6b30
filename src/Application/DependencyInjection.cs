using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Auth.Common;
using OrderTracking.Application.Common.Events;
using OrderTracking.Application.Webhooks.Events;
using OrderTracking.Domain.Orders.Events;

namespace OrderTracking.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: false);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SessionIssuer>();
        services.AddScoped<OrderWebhookPlanner>();
        services.AddScoped<IDomainEventHandler<OrderCreated>, OrderCreatedWebhookHandler>();
        services.AddScoped<IDomainEventHandler<OrderStatusChanged>, OrderStatusChangedWebhookHandler>();
        services.AddScoped<IDomainEventHandler<OrderAssigned>, OrderAssignedWebhookHandler>();
        return services;
    }
}
