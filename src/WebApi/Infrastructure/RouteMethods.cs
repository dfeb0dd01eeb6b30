using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace OrderTracking.WebApi.Infrastructure;

/// <summary>
/// The methods the API's routes take for a path. The catch-all for unknown API paths takes every method, so routing
/// never reaches its own 405 for a known path and a wrong method: the catch-all asks this instead, and answers 405
/// with <c>Allow</c> when the path is a route (its constraints included) and 404 only when it is none.
/// </summary>
public sealed class RouteMethods(EndpointDataSource endpoints, ParameterPolicyFactory policies)
{
    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() => Build(endpoints, policies));

    /// <summary>The methods some route takes at this path, or none when the path is no route.</summary>
    public IReadOnlyList<string> For(HttpContext httpContext)
    {
        var path = httpContext.Request.Path;
        return _routes.Value
            .Where(route => route.Matches(httpContext, path))
            .SelectMany(route => route.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static List<Route> Build(EndpointDataSource endpoints, ParameterPolicyFactory policies) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
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
