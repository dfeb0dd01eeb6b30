using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Telemetry;
using OrderTracking.WebApi.Http;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The rate limits (ASP.NET Core's own limiter): sign-in and public tracking per client address, refresh per
/// session (the refresh handler, through <see cref="RefreshRateLimiter"/>), the partner API per authenticated partner, everything else
/// per signed-in user (webhook resends and tests with a stricter limit of their own); refused API keys and refresh tokens per client address
/// (<see cref="CredentialRefusals"/>, <see cref="RefreshRateLimitFilter"/>).
/// The client address is the forwarded one only behind a trusted proxy (<see cref="TrustedProxies"/>). Limits come
/// from the <c>RateLimiting</c> configuration section; a refused request gets 429 with <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Tracking = "tracking";
    public const string Partner = "partner";
    public const string User = "user";
    public const string WebhookSends = "webhook-sends";
    public const string CourierPosition = "courier-position";
    public const string DeliveryRequest = "delivery-request";

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public int WindowSeconds { get; set; } = 60;
    }

    public sealed class Options
    {
        public const string SectionName = "RateLimiting";
        public Limit SignIn { get; set; } = new() { PermitLimit = 10 };
        public Limit Refresh { get; set; } = new() { PermitLimit = 10 };
        public Limit RefusedCredentials { get; set; } = new() { PermitLimit = 20 };
        public Limit Tracking { get; set; } = new() { PermitLimit = 60 };
        public Limit Partner { get; set; } = new() { PermitLimit = 600 };
        public Limit User { get; set; } = new() { PermitLimit = 600 };

        /// <summary>Resends and test events, per signed-in user: each makes a request to an address the user chose.</summary>
        public Limit WebhookSends { get; set; } = new() { PermitLimit = 10 };

        /// <summary>Position reports per courier: the app sends one every 15 s, or every 50 m when sooner.</summary>
        public Limit CourierPosition { get; set; } = new() { PermitLimit = 20 };

        /// <summary>Customers' delivery requests per tracking code.</summary>
        public Limit DeliveryRequest { get; set; } = new() { PermitLimit = 5, WindowSeconds = 900 };

        /// <summary>Hub method calls per connection.</summary>
        public Limit HubInvocations { get; set; } = new() { PermitLimit = 30 };

        /// <summary>Tracking codes one hub connection may follow at once; a tracking page needs one.</summary>
        public int TrackingCodesPerConnection { get; set; } = 5;

        /// <summary>Hub connections without a signed-in user from one client address, on one instance.</summary>
        public int AnonymousHubConnectionsPerAddress { get; set; } = 20;
    }

    public static IServiceCollection AddOrderTrackingRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Options>().Bind(configuration.GetSection(Options.SectionName));
        services.AddSingleton<CredentialRefusals>();
        services.AddSingleton<RefreshRateLimitFilter>();
        services.AddSingleton<IRefreshRateLimiter, RefreshRateLimiter>();
        services.AddSingleton<ExportSlots>();
        services.AddSingleton<ExportSlotFilter>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(WriteTooManyRequestsAsync(
                rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null));
            limiter.AddPolicy(SignIn, context => Window(context, o => o.SignIn, ClientAddress(context)));
            limiter.AddPolicy(Tracking, context => Window(context, o => o.Tracking, ClientAddress(context)));
            limiter.AddPolicy(Partner, context => Window(context, o => o.Partner, AuthenticatedPartner(context)));
            limiter.AddPolicy(User, context => Window(context, o => o.User, SignedInUser(context)));
            limiter.AddPolicy(WebhookSends, context => Window(context, o => o.WebhookSends, SignedInUser(context)));
            limiter.AddPolicy(CourierPosition, context => Window(context, o => o.CourierPosition, SignedInUser(context)));
            limiter.AddPolicy(DeliveryRequest, context => Window(context, o => o.DeliveryRequest,
                "code:" + (context.Request.RouteValues["trackingCode"] as string ?? string.Empty).Trim().ToUpperInvariant()));
        });
        return services;
    }

    /// <summary>After authentication: the partner API's key is checked first, so its bucket is the partner's.</summary>
    public static IApplicationBuilder UseOrderTrackingRateLimits(this IApplicationBuilder app)
    {
        app.Use(AuthenticatePartnerKeyAsync);
        return app.UseRateLimiter();
    }

    public static string ClientAddress(HttpContext context) => "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public static Task WriteTooManyRequestsAsync(HttpContext http, TimeSpan? wait)
    {
        OrderTrackingTelemetry.RateLimitRefused(http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "other");
        var retryAfter = wait is { } after ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return ProblemResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyRequests, "Too many requests", $"Slow down: try again in {retryAfter} seconds.");
    }

    /// <summary>A fixed window of <paramref name="limit"/> per key, for the limits kept outside the middleware.</summary>
    public static PartitionedRateLimiter<string> FixedWindowPerKey(Limit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => FixedWindow(limit)));

    private static RateLimitPartition<string> Window(HttpContext context, Func<Options, Limit> pick, string partition)
    {
        var limit = pick(context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Options>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => FixedWindow(limit));
    }

    /// <summary>Nothing is queued: a request over the limit is refused at once with 429.</summary>
    private static FixedWindowRateLimiterOptions FixedWindow(Limit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
    };

    /// <summary>
    /// On partner routes, checks the API key before the limiter (the authorization step reuses this answer), so the
    /// bucket is the partner's and a key naming someone else's public id costs that partner nothing. A refused key
    /// is charged to the sender's address; an address out of refusals is not looked up at all.
    /// </summary>
    private static async Task AuthenticatePartnerKeyAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Partner
            && context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName))
        {
            var refusals = context.RequestServices.GetRequiredService<CredentialRefusals>();
            var address = ClientAddress(context);
            if (refusals.IsSpent(Partner, address, out var retryAfter))
            {
                await WriteTooManyRequestsAsync(context, retryAfter);
                return;
            }

            var result = await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName);
            if (result.Succeeded)
            {
                context.User = result.Principal;
            }
            else
            {
                refusals.Count(Partner, address);
            }
        }

        await next(context);
    }

    private static string AuthenticatedPartner(HttpContext context) =>
        context.User.PartnerId() is { } id ? "partner:" + id : ClientAddress(context);

    private static string SignedInUser(HttpContext context) =>
        context.User.UserId() is { } id ? "user:" + id : ClientAddress(context);
}
