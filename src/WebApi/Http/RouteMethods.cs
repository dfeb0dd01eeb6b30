using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace OrderTracking.WebApi.Http;

/// <summary>
/// The methods the API's routes take for a path. The catch-all for unknown API paths takes every method, so routing
/// never reaches its own 405 for a known path and a wrong method: the catch-all asks this instead, and answers 405
/// with <c>Allow</c> when the path is a route (its constraints included) and 404 only when it is none.
/// </summary>
public sealed class RouteMethods(EndpointDataSource endpoints, ParameterPolicyFactory policies)
{
    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() => Build(endpoints, policies));

    /// <summary>
    /// The methods some route takes at this path, or none when the path is no route, or is a route for this very
    /// method (the catch-all then answered because a constraint refused the values: a 404, not a 405).
    /// </summary>
    public IReadOnlyList<string> For(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        var methods = _routes.Value
            .Where(route => route.Matches(httpContext, path))
            .SelectMany(route => route.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
        return methods.Contains(httpContext.Request.Method, StringComparer.OrdinalIgnoreCase) ? [] : methods;
    }

    private static List<Route> Build(EndpointDataSource endpoints, ParameterPolicyFactory policies) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            // Catch-alls (the client app's fallback) take any path: they say nothing about API routes.
            .Where(endpoint => !endpoint.RoutePattern.Parameters.Any(parameter => parameter.IsCatchAll))
            .Select(endpoint => new Route(
                new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults)),
                endpoint.RoutePattern.ParameterPolicies
                    .SelectMany(parameter => parameter.Value.Select(reference => (parameter.Key, Policy: policies.Create(endpoint.RoutePattern.GetParameter(parameter.Key), reference))))
                    .Where(policy => policy.Policy is IRouteConstraint)
                    .Select(policy => (policy.Key, (IRouteConstraint)policy.Policy))
                    .ToList(),
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods))
            .ToList();

    private sealed record Route(TemplateMatcher Matcher, List<(string Parameter, IRouteConstraint Constraint)> Constraints, IReadOnlyList<string> Methods)
    {
        public bool Matches(HttpContext httpContext, PathString path)
        {
            var values = new RouteValueDictionary();
            return Matcher.TryMatch(path, values)
                && Constraints.All(c => c.Constraint.Match(httpContext, null, c.Parameter, values, RouteDirection.IncomingRequest));
        }
    }
}
