using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OrderTracking.Domain.Common;
using OrderTracking.WebApi.Serialization;

namespace OrderTracking.WebApi.Http;

/// <summary>
/// The 400 for a body or query that could not even be read (malformed JSON, a wrong type, an unknown enum
/// value): the same ValidationProblemDetails shape as rule failures, keyed by camelCase JSON path. The
/// serializer's own messages are never passed on: they name the internal types the body was read into.
/// </summary>
public static class ModelStateProblems
{
    public const string UnreadableBody = "The request body is not valid JSON for this operation.";
    public const string UnreadableValue = "The value is not valid for this field.";
    public const string UnknownField = "This operation takes no such field.";

    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .GroupBy(entry => Key(entry.Key))
            .ToDictionary(
                g => g.Key,
                g => g.SelectMany(entry => entry.Value!.Errors).Select(error => Message(g.Key, error)).Distinct().ToArray());

        // A field the reader refused also leaves the body unbound ("the request field is required"): the field says more.
        if (errors.Count > 1)
        {
            errors.Remove("body");
        }

        return Result(errors);
    }

    public static BadRequestObjectResult Result(IDictionary<string, string[]> errors) =>
        new(new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "One or more fields are invalid.",
        })
        {
            ContentTypes = { "application/problem+json" },
        };

    /// <summary>
    /// Messages MVC writes itself (a required body, a malformed query value) are kept; an exception's message (the
    /// JSON reader's, naming types and byte positions) is replaced, except our own refusal of control characters.
    /// </summary>
    private static string Message(string key, ModelError error) => error.Exception switch
    {
        ControlCharactersException or { InnerException: ControlCharactersException } => Text.ControlCharactersMessage,
        JsonException json when IsUnknownField(json) => UnknownField,
        JsonException or InputFormatterException => Unreadable(key),
        _ when string.IsNullOrEmpty(error.ErrorMessage) => Unreadable(key),
        _ => error.ErrorMessage,
    };

    /// <summary>
    /// The reader's refusal of a field no request type has (UnmappedMemberHandling.Disallow). It has no type of its own;
    /// its message is the only mark, and is read here only to choose our own wording.
    /// </summary>
    private static bool IsUnknownField(JsonException exception) =>
        exception.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal);

    private static string Unreadable(string key) => key == "body" ? UnreadableBody : UnreadableValue;

    private static string Key(string modelStateKey)
    {
        var key = modelStateKey.StartsWith("$.", StringComparison.Ordinal) ? modelStateKey[2..] : modelStateKey;
        return key is "$" or "" or "request" ? "body" : JsonPath.CamelCase(key);
    }
}
