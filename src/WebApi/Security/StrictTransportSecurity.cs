namespace OrderTracking.WebApi.Security;

/// <summary>
/// HSTS: browsers that reached the API over HTTPS keep to HTTPS for a year, subdomains included. Not sent in
/// Development, where the API runs on plain HTTP on localhost.
/// </summary>
public static class StrictTransportSecurity
{
    public static IServiceCollection AddStrictTransportSecurity(this IServiceCollection services) =>
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });

    public static WebApplication UseStrictTransportSecurity(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }
}
