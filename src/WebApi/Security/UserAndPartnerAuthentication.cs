using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.WebApi.Hubs;

namespace OrderTracking.WebApi.Security;

/// <summary>
/// Who is calling: users by a short-lived JWT (Bearer, or the query string on the hub), delivery partners by an API
/// key; the two policies that pick one scheme each; and the end of a user's sessions reaching their live connections.
/// </summary>
public static class UserAndPartnerAuthentication
{
    public static IServiceCollection AddUserAndPartnerAuthentication(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddOptions<JwtOptions>()
            .PostConfigure(jwt =>
            {
                // Development without a key gets a random one, kept in a git-ignored file so sessions survive a restart.
                if (environment.IsDevelopment() && string.IsNullOrEmpty(jwt.SigningKey))
                {
                    jwt.SigningKey = DevelopmentSigningKey.LoadOrCreate(Path.Combine(environment.ContentRootPath, jwt.DevelopmentKeyFile));
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<JwtOptions>, SigningKeyValidation>();

        // Ending a user's sessions also ends their live connections: at once here, within seconds on other instances.
        services.AddSingleton<UserConnections>();
        services.AddScoped<ISessionEndNotifier, SignalRSessionEndNotifier>();
        services.AddHostedService<EndedSessionSweep>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwtOptions) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = JwtTokenService.SigningKey(jwt),
                    ValidateIssuer = true,
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = true,
                    ValidAudience = jwt.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "name",
                    RoleClaimType = TokenClaims.Role,
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnChallenge = AuthenticationProblems.WriteChallengeAsync,
                    // Browsers cannot set headers on WebSockets, so the hub takes the token from the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments(OrdersHub.Path) && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.User, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Partner, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.User.PartnerId() is not null));
        return services;
    }
}
