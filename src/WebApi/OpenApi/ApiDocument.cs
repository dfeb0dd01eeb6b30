using NSwag;
using OrderTracking.WebApi.OpenApi.Validation;
using OrderTracking.WebApi.Security;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>
/// The OpenAPI document the committed openapi.json and the generated client are made from: its security schemes and
/// the processors that write what the code enforces into it; and where the live document is served.
/// </summary>
public static class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services)
    {
        services.AddSingleton<SentRequests>();
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
        return services;
    }

    public static WebApplication UseApiDocument(this WebApplication app)
    {
        // The live document and Swagger UI describe every route to whoever asks: on in Development, elsewhere only
        // when OpenApi:Enabled says so. Integrators use the committed openapi.json.
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
        {
            app.UseOpenApi();
            app.UseSwaggerUi();
            app.MapGet("/docs", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        }

        return app;
    }
}
