using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderTracking.Domain.Partners;
using OrderTracking.WebApi.Infrastructure;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The rate limits (ASP.NET Core's own limiter): sign-in and refresh per client address, public tracking per
/// client address, the partner API per key, everything else per signed-in user. Limits come from the
/// <c>RateLimiting</c> configuration section; a refused request gets 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tracking = "tracking";
    public const string Partner = "partner";
    public const string User = "user";

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; } = 60;
    }

    public sealed class Options
    {
        public const string SectionName = "RateLimiting";
        public Limit SignIn { get; set; } = new() { PermitLimit = 10 };
        public Limit Tracking { get; set; } = new() { PermitLimit = 60 };
        public Limit Partner { get; set; } = new() { PermitLimit = 600 };
        public Limit User { get; set; } = new() { PermitLimit = 600 };
    }

    public static IServiceCollection AddOrderTrackingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Options>().Bind(configuration.GetSection(Options.SectionName));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteRejectionAsync;
            limiter.AddPolicy(SignIn, context => Window(context, o => o.SignIn, ClientAddress(context)));
            limiter.AddPolicy(Tracking, context => Window(context, o => o.Tracking, ClientAddress(context)));
            limiter.AddPolicy(Partner, context => Window(context, o => o.Partner, PartnerKey(context)));
            limiter.AddPolicy(User, context => Window(context, o => o.User, SignedInUser(context)));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, Func<Options, Limit> pick, string partition)
    {
        var limit = pick(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The key's public id (never the secret), so each key has its own budget before it is even checked.</summary>
    private static string PartnerKey(HttpContext context) =>
        ApiKeyFormat.TryParse(context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName].ToString(), out var publicId, out _)
            ? "key:" + publicId
            : ClientAddress(context);

    private static string SignedInUser(HttpContext context) =>
        context.User.FindFirstValue(JwtRegisteredClaimNames.Sub) is { } id ? "user:" + id : ClientAddress(context);

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        await ProblemResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests, "Too many requests", $"Slow down: try again in {retryAfter} seconds.");
    }
}
