using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.RefreshSession;
using OrderTracking.Application.Common.Exceptions;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The refresh bucket, keyed on the presented refresh token rather than the client address, so a crowd behind one
/// address cannot spend each other's renewals. The token is opaque (nothing in it names its session family
/// without a database read), so the key is its SHA-256 (no token is kept in memory); since a made-up token would
/// get a fresh bucket each time, every refused one is charged to the sender's address (<see cref="CredentialRefusals"/>).
/// It runs after model binding because the token is in the body, which the rate-limiting middleware cannot read.
/// </summary>
public sealed class RefreshRateLimitFilter : IAsyncActionFilter, IDisposable
{
    public const string Surface = "refresh";

    private readonly CredentialRefusals _refusals;
    private readonly PartitionedRateLimiter<string> _perToken;

    public RefreshRateLimitFilter(CredentialRefusals refusals, IOptions<RateLimits.Options> options)
    {
        _refusals = refusals;
        var limit = options.Value.Refresh;
        _perToken = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = TimeSpan.FromSeconds(limit.WindowSeconds),
            QueueLimit = 0,
        }));
    }

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var address = RateLimits.ClientAddress(http);
        if (_refusals.IsSpent(Surface, address, out var refusedRetryAfter))
        {
            await RefuseAsync(context, refusedRetryAfter);
            return;
        }

        // A browser sends its token in the cookie and none in the body (see RefreshTokenCookie).
        var token = context.ActionArguments.Values.OfType<RefreshSessionCommand>().FirstOrDefault()?.RefreshToken is { Length: > 0 } inBody
            ? inBody
            : RefreshTokenCookie.Read(http.Request) ?? string.Empty;
        using var lease = _perToken.AttemptAcquire(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))));
        if (!lease.IsAcquired)
        {
            await RefuseAsync(context, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
            return;
        }

        var executed = await next();
        if (executed.Exception is UnauthenticatedException)
        {
            _refusals.Count(Surface, address);
        }
    }

    public void Dispose() => _perToken.Dispose();

    private static async Task RefuseAsync(ActionExecutingContext context, TimeSpan? retryAfter)
    {
        await RateLimits.WriteTooManyRequestsAsync(context.HttpContext, retryAfter);
        context.Result = new Microsoft.AspNetCore.Mvc.EmptyResult();
    }
}
