using Microsoft.AspNetCore.Mvc;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// The 400 for a body or query that could not even be read (malformed JSON, a wrong type, an unknown enum
/// value): the same ValidationProblemDetails shape as rule failures, keyed by camelCase JSON path.
/// </summary>
public static class ModelStateProblems
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .GroupBy(entry => Key(entry.Key))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(entry => entry.Value!.Errors)
                    .Select(e => string.IsNullOrEmpty(e.ErrorMessage) ? "The value is not valid." : e.ErrorMessage)
                    .Distinct()
                    .ToArray());

        return new BadRequestObjectResult(new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid.",
        })
        {
            ContentTypes = { "application/problem+json" },
        };
    }

    private static string Key(string modelStateKey)
    {
        var key = modelStateKey.StartsWith("$.", StringComparison.Ordinal) ? modelStateKey[2..] : modelStateKey;
        return key is "$" or "" or "request" ? "body" : JsonPath.CamelCase(key);
    }
}
