using Microsoft.Extensions.DependencyInjection;

namespace OrderTracking.DemoData;

public static class DependencyInjection
{
    /// <summary>The demo data seeder: the WebApi adds it in Development only, so Bogus is loaded nowhere else.</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) => services.AddScoped<DemoDataSeeder>();
}
