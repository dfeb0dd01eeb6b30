using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Auth.Commands.RefreshSession;
using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The refresh bucket, keyed on the session (the family of refresh tokens one sign-in started) rather than the client
/// address, so a crowd behind one address cannot spend each other's renewals and one session cannot renew without
/// bound by rotating its token: every token of a family draws from the family's bucket. The family is found with one
/// indexed read of the presented token's hash; a token that names no session gets a bucket of its own (its SHA-256,
/// so no token is kept in memory) and, once refused, is charged to the sender's address (<see cref="CredentialRefusals"/>).
/// It runs after model binding because the token is in the body or the cookie, which the rate-limiting middleware cannot read.
/// </summary>
public sealed class RefreshRateLimitFilter : IAsyncActionFilter, IDisposable
{
    public const string Surface = "refresh";

    private readonly CredentialRefusals _refusals;
    private readonly PartitionedRateLimiter<string> _perSession;

    public RefreshRateLimitFilter(CredentialRefusals refusals, IOptions<RateLimits.Options> options)
    {
        _refusals = refusals;
        var limit = options.Value.Refresh;
        _perSession = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
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
        using var lease = _perSession.AttemptAcquire(await BucketOfAsync(http, token));
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

    public void Dispose() => _perSession.Dispose();

    private static async Task<string> BucketOfAsync(HttpContext http, string token)
    {
        if (token.Length is > 0 and <= RefreshToken.MaxPresentedLength)
        {
            var services = http.RequestServices;
            var hash = services.GetRequiredService<ITokenService>().HashRefreshToken(token);
            if (await services.GetRequiredService<ISessionRepository>().FindTokenAsync(hash, http.RequestAborted) is { Family.Id: var family })
            {
                return "session:" + family.ToString("N");
            }
        }

        return "token:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    private static async Task RefuseAsync(ActionExecutingContext context, TimeSpan? retryAfter)
    {
        await RateLimits.WriteTooManyRequestsAsync(context.HttpContext, retryAfter);
        context.Result = new Microsoft.AspNetCore.Mvc.EmptyResult();
    }
}
