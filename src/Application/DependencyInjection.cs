using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Auth.Common;

namespace OrderTracking.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: false);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<SessionIssuer>();
        return services;
    }
}
