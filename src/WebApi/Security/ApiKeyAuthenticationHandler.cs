using System.Security.Claims;
using System.Text.Encodings.Web;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrderTracking.Application.Partners.Queries.AuthenticateApiKey;
using OrderTracking.Infrastructure.Identity;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// The <c>ApiKey</c> scheme for delivery partners' systems: <c>X-Api-Key: otp_…</c>. A malformed, unknown or
/// revoked key and a deactivated partner all get the same 401.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IMediator mediator) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var partner = await mediator.Send(new AuthenticateApiKeyQuery(values.ToString()), Context.RequestAborted);
        if (partner is null)
        {
            return AuthenticateResult.Fail("The API key was refused.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(TokenClaims.PartnerId, partner.Id.ToString()), new Claim("name", partner.DisplayName)],
            SchemeName,
            "name",
            TokenClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        AuthenticationProblems.WriteAsync(Context, $"A valid API key is required in the {HeaderName} header.", SchemeName);
}
