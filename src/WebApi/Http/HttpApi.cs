using System.Text.Json.Serialization;
using OrderTracking.WebApi.Filters;
using OrderTracking.WebApi.Serialization;

namespace OrderTracking.WebApi.Http;

/// <summary>
/// The controllers and how they read and answer: strict JSON in and out, a body or query that cannot be read worded
/// by <see cref="ModelStateProblems"/>, and every failure as problem details from one exception handler.
/// </summary>
public static class HttpApi
{
    public static IServiceCollection AddHttpApi(this IServiceCollection services)
    {
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
                json.JsonSerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;

                // The reader's messages name internal types; ModelStateProblems words its own.
                json.AllowInputFormatterExceptionMessages = false;
            })
            .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = ModelStateProblems.Create);
        services.AddProblemDetails();
        services.AddSingleton<RouteMethods>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        return services;
    }
}
