using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Domain.Common;
using OrderTracking.WebApi.Http;
using OrderTracking.WebApi.Serialization;

namespace OrderTracking.WebApi.Filters;

/// <summary>
/// The URL counterpart of <see cref="TextWithoutControlCharactersConverter"/>: a query-string or route value with a
/// control character other than tab, CR and LF is a 400 before model binding. A resource filter runs after the
/// authorization filters, so a caller who may not use the route still gets 401/403 first.
/// </summary>
public sealed class ControlCharactersInUrlFilter : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var refused = context.HttpContext.Request.Query
            .Where(parameter => Text.HasControlCharacters(parameter.Key) || parameter.Value.Any(v => v is not null && Text.HasControlCharacters(v)))
            .Select(parameter => Text.HasControlCharacters(parameter.Key) ? "query" : parameter.Key)
            .Concat(context.RouteData.Values
                .Where(route => route.Value is string value && Text.HasControlCharacters(value))
                .Select(route => route.Key))
            .Distinct()
            .ToList();
        if (refused.Count > 0)
        {
            context.Result = ModelStateProblems.Result(refused.ToDictionary(key => key, _ => new[] { Text.ControlCharactersMessage }));
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
