using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NSwag;
using OrderTracking.Application;
using OrderTracking.Application.Common.Behaviours;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure;
using OrderTracking.Infrastructure.Identity;
using OrderTracking.Infrastructure.Persistence;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Health;
using OrderTracking.WebApi.Hubs;
using OrderTracking.WebApi.Idempotency;
using OrderTracking.WebApi.Http;
using OrderTracking.WebApi.LiveMap;
using OrderTracking.WebApi.OpenApi;
using OrderTracking.WebApi.OpenApi.Validation;
using OrderTracking.WebApi.Security;
using OrderTracking.WebApi.Serialization;
using OrderTracking.WebApi.Telemetry;

namespace OrderTracking.WebApi;

/// <summary>The composition root: every service the WebApi runs with, and the order of its middleware.</summary>
public static class OrderTrackingServices
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddOrderTrackingServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.AddObservability();
        services.AddApplication();
        services.AddInfrastructure(configuration);
        services.AddMediator((Mediator.MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Read by Mediator's source generator at compile time, so the list must be written out here.
            // Order matters, outermost first: trace, log, then authorize, then validate, then the transaction (commands)
            // or the whole-query retry (queries), then the handler: a refused or invalid command never opens a
            // transaction or claims a key.
            options.PipelineBehaviors =
            [
                typeof(TracingBehaviour<,>),
                typeof(LoggingBehaviour<,>),
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
                typeof(QueryRetryBehaviour<,>),
            ];
        });

        services.AddSingleton<HubLimitsFilter>();
        var signalR = services.AddSignalR(hub => hub.AddFilter<HubLimitsFilter>()).AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // Several instances behind a load balancer share live updates through Redis; one instance needs nothing.
        if (configuration["Redis:ConnectionString"] is { Length: > 0 } redis)
        {
            RedisBackplane.Add(signalR, redis);
        }

        // On SIGTERM, stop taking new requests and let the ones in flight finish (up to this long).
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("ShutdownTimeoutSeconds", 30)));
        services.AddSingleton<IOrderNotifier, SignalROrderNotifier>();
        services.AddLiveMapWeb(configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddScoped<IdempotencyRequest>();
        services.AddScoped<IIdempotencyKeySource>(provider => provider.GetRequiredService<IdempotencyRequest>());

        services.AddControllers(mvc =>
            {
                mvc.Conventions.Add(new RequestAuthorizationConvention());
                mvc.Filters.Add<ControlCharactersInUrlFilter>();
            })
            .AddJsonOptions(json =>
            {
                json.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, HotPathJson.Default);
                json.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
                json.JsonSerializerOptions.Converters.Add(new TextWithoutControlCharactersConverter());

                // A misspelt or unsupported field is refused with 400 rather than ignored (ADR 0018); the document says additionalProperties: false.
                json.JsonSerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;

                // The reader's messages name internal types; ModelStateProblems words its own.
                json.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = ModelStateProblems.Create);
        services.AddProblemDetails();
        services.AddSingleton<RouteMethods>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddJwtAuthentication(builder.Environment);
        services.AddTrustedProxies(configuration);
        services.AddOrderTrackingRateLimits(configuration);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IConfiguration, IWebHostEnvironment>((cors, config, environment) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(AllowedOrigins(config, environment))
                .AllowAnyHeader()
                .AllowAnyMethod()
                .AllowCredentials()
                .WithExposedHeaders("ETag", "Location", "Retry-After", IdempotencyFilter.ReplayedHeaderName)));
        services.AddInstanceHealth();
        services.AddOpenApiDocument((document, serviceProvider) =>
        {
            document.Title = "Order Tracking API";
            document.Version = "v1";
            document.UseControllerSummaryAsTagDescription = true;
            document.Description = "Create, move and follow orders live. Users sign in with POST /api/auth/login and send the access token as a Bearer token. A request body with a field its schema does not name is refused with 400; a route called with a method it does not take answers 405 with Allow.";
            document.AddSecurity("Bearer", new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login: a short-lived JWT signed with HS256 whose algorithm, issuer, audience and lifetime are checked on every request, following RFC8725.",
            });
            document.AddSecurity(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.ApiKey,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                In = OpenApiSecurityApiKeyLocation.Header,
                Description = "A delivery partner's API key (otp_...), issued by an admin. Partner routes only.",
            });
            document.OperationProcessors.Add(new SecurityRequirementProcessor());
            document.OperationProcessors.Add(new IdempotencyKeyHeaderProcessor());
            document.OperationProcessors.Add(new ValidatorRulesParameterProcessor(serviceProvider));
            document.OperationProcessors.Add(new ProblemResponsesProcessor());
            document.OperationProcessors.Add(new MultipartLimitsProcessor());
            document.DocumentProcessors.Add(new StandardFormatsProcessor());
            document.SchemaSettings.SchemaProcessors.Add(new ValidatorRulesSchemaProcessor(serviceProvider));
        });
        return builder;
    }

    /// <summary>
    /// <c>/health/ready</c> is Healthy only while the database answers and this instance is warmed up and not
    /// shutting down; <c>/health/live</c> only says the process serves HTTP.
    /// </summary>
    private static void AddInstanceHealth(this IServiceCollection services)
    {
        services.AddSingleton<InstanceReadiness>();
        services.AddHostedService<WarmUpService>();
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName);
        services.AddHostedService<ShutdownDrainService>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
    }

    private static void AddJwtAuthentication(this IServiceCollection services, IWebHostEnvironment environment)
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
                .RequireClaim(TokenClaims.PartnerId));
    }

    /// <summary>Origins allowed to call the API from a browser: <c>Cors:AllowedOrigins</c>, plus the Vite dev server in Development.</summary>
    private static string[] AllowedOrigins(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var configured = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return environment.IsDevelopment() ? [.. configured, "http://localhost:5173"] : configured;
    }

    public static WebApplication UseOrderTrackingPipeline(this WebApplication app)
    {
        app.UseMetricsEndpoint();
        app.UseTrustedProxies();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes);

        // The live document and Swagger UI describe every route to whoever asks: on in Development, elsewhere only
        // when OpenApi:Enabled says so. Integrators use the committed openapi.json.
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
        {
            app.UseOpenApi();
            app.UseSwaggerUi();
            app.MapGet("/docs", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        }

        app.UseClientApp();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<SessionStateCheck>();
        app.UseOrderTrackingRateLimits();
        app.UseAuthorization();

        app.MapControllers();

        // A connection ends when its access token expires; clients reconnect with a renewed token.
        app.MapHub<OrdersHub>(OrdersHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapReadiness();
        app.Map("/api/{**path}", UnknownApiRoute).ExcludeFromDescription();
        app.MapClientAppFallback();
        return app;
    }

    /// <summary>A path no API route takes answers 404; a route's path with a method it does not take answers 405 and says which it does.</summary>
    private static IResult UnknownApiRoute(HttpContext httpContext, RouteMethods routes)
    {
        if (routes.For(httpContext) is not { Count: > 0 } allowed)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound, title: "Not found", detail: "There is no such API route.");
        }

        httpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return Results.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            type: ProblemTypes.MethodNotAllowed,
            title: "Method not allowed",
            detail: $"This route takes {string.Join(", ", allowed)}, not {httpContext.Request.Method}.");
    }
}
