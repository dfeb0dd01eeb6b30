using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Behind a load balancer every request arrives from the balancer's address, so the client address (which the
/// rate limits are keyed on) and the scheme come from <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>; but only
/// when the request comes from a proxy named in <c>ForwardedHeaders:KnownProxies</c> or
/// <c>ForwardedHeaders:KnownNetworks</c>. Anyone else could send those headers to pick a fresh rate-limit bucket.
/// </summary>
public static class TrustedProxies
{
    public const string SectionName = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The defaults trust loopback; only what is configured here is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var section = configuration.GetSection(SectionName);
            foreach (var (key, value) in Entries(section, "KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                    ? address
                    : throw new InvalidOperationException($"{key} must be an IP address, such as 10.0.0.2; it is '{value}'."));
            }

            foreach (var (key, value) in Entries(section, "KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                    ? network
                    : throw new InvalidOperationException($"{key} must be a network in CIDR notation, such as 10.0.0.0/8; it is '{value}'."));
            }
        });
        return services;
    }

    /// <summary>Placed first, so every later step (HSTS, rate limits, the hub's per-address cap) sees the client.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        // With both lists empty the middleware would believe every sender, so nothing configured means no forwarding.
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static IEnumerable<(string Key, string Value)> Entries(IConfigurationSection section, string name) =>
        section.GetSection(name).GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .Select(entry => ($"{SectionName}__{name}__{entry.Key}", entry.Value!.Trim()));
}
