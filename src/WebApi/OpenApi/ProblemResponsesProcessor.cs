using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Formatters;
using NJsonSchema;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace OrderTracking.WebApi.OpenApi;

/// <summary>
/// Declares every error an operation can answer, as the app writes it: <c>application/problem+json</c>
/// (RFC 9457) from the exception handler, authentication, the rate limiter and the body limit. Statuses that the
/// pipeline adds to any operation are declared here once instead of on every action: 400 for a malformed parameter
/// or body, 401/403 where a credential is needed, 404 where a path names a resource, 413/415 for a body, 429 with
/// <c>Retry-After</c> and 500. Success bodies keep the content type the action declares (the export is <c>text/csv</c>).
/// </summary>
public sealed class ProblemResponsesProcessor : IOperationProcessor
{
    public const string ProblemContentType = "application/problem+json";

    public bool Process(OperationProcessorContext context)
    {
        var operation = context.OperationDescription.Operation;
        var problem = context.SchemaResolver.GetSchema(typeof(ProblemDetails), isIntegerEnumeration: false);
        var validationProblem = context.SchemaResolver.GetSchema(typeof(ValidationProblemDetails), isIntegerEnumeration: false);
        var parameters = operation.ActualParameters.ToList();
        var security = (operation.Security ?? []).SelectMany(requirement => requirement.Keys).ToList();

        if (parameters.Count > 0 || operation.RequestBody is not null)
        {
            Declare(operation, StatusCodes.Status400BadRequest, "The request is malformed or breaks a field rule; errors names each field.");
        }

        if (security.Count > 0)
        {
            Declare(operation, StatusCodes.Status401Unauthorized, "The credential is missing, invalid or expired.");
        }

        if (security.Contains("Bearer"))
        {
            Declare(operation, StatusCodes.Status403Forbidden, "The signed-in user may not do this.");
        }

        if (parameters.Any(p => p.Kind == OpenApiParameterKind.Path))
        {
            Declare(operation, StatusCodes.Status404NotFound, "Nothing has this id, or the caller may not see it.");
        }

        if (operation.RequestBody is not null)
        {
            Declare(operation, StatusCodes.Status413PayloadTooLarge, "The body is larger than the API accepts.");
            Declare(operation, StatusCodes.Status415UnsupportedMediaType, "The body is not application/json.");
        }

        Declare(operation, StatusCodes.Status429TooManyRequests, "Too many requests: wait for the seconds in Retry-After.");
        Declare(operation, StatusCodes.Status500InternalServerError, "An unexpected error; it is logged with the trace id.");
        Declare(operation, StatusCodes.Status503ServiceUnavailable,
            "The database cannot be reached (type /problems/service-unavailable) or took longer than allowed (type /problems/timed-out); retry after the seconds in Retry-After.");

        foreach (var status in new[] { StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable })
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)].Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before the next request.",
                Schema = new JsonSchema { Type = JsonObjectType.Integer, Format = JsonFormatStrings.Integer, Minimum = 0, Maximum = int.MaxValue },
            };
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (int.TryParse(status, CultureInfo.InvariantCulture, out var code) && code >= 400)
            {
                var schema = code == StatusCodes.Status400BadRequest ? validationProblem : problem;
                response.Content.Clear();
                response.Content[ProblemContentType] = new OpenApiMediaType { Schema = new JsonSchema { Reference = schema.ActualSchema } };
            }
        }

        DeclareSuccessContentTypes(context, operation);
        return true;
    }

    private static void Declare(OpenApiOperation operation, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(key, out var response))
        {
            response = new OpenApiResponse();
            operation.Responses[key] = response;
        }

        if (string.IsNullOrEmpty(response.Description))
        {
            response.Description = description;
        }
    }

    /// <summary>A file answer (the CSV export) is documented by NSwag as octet-stream; use the type the action names.</summary>
    private static void DeclareSuccessContentTypes(OperationProcessorContext context, OpenApiOperation operation)
    {
        var method = ((AspNetCoreOperationProcessorContext)context).MethodInfo;
        foreach (var attribute in method.GetCustomAttributes<ProducesResponseTypeAttribute>())
        {
            var key = attribute.StatusCode.ToString(CultureInfo.InvariantCulture);
            var contentTypes = new MediaTypeCollection();
            ((IApiResponseMetadataProvider)attribute).SetContentTypes(contentTypes);
            if (contentTypes.Count == 0 || !operation.Responses.TryGetValue(key, out var response))
            {
                continue;
            }

            var schema = response.Content.Values.FirstOrDefault()?.Schema ?? new JsonSchema { Type = JsonObjectType.String };
            response.Content.Clear();
            foreach (var contentType in contentTypes)
            {
                response.Content[contentType] = new OpenApiMediaType { Schema = schema };
            }
        }
    }
}
