using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;

namespace OrderTracking.WebApi.Filters;

/// <summary>
/// Checks who may send an action's Application request before MVC binds and validates its input, so a caller
/// who may not use a route gets 401/403 whatever it sends, never a 400 that tells it about the route's input.
/// The roles are read from the request type's <see cref="AuthorizeAttribute"/> (the one the mediator pipeline
/// checks as well), so they are written once: on the request. The request is the bound parameter whose type
/// carries the attribute, or the one the action names with <see cref="SendsAttribute{TRequest}"/>.
/// </summary>
public sealed class RequestAuthorizationConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var requestType = action.Attributes.OfType<ISendsRequest>().FirstOrDefault()?.RequestType
            ?? action.Parameters.Select(p => p.ParameterType).FirstOrDefault(t => t.GetCustomAttribute<AuthorizeAttribute>() is not null);
        if (requestType?.GetCustomAttribute<AuthorizeAttribute>() is { } requirement)
        {
            action.Filters.Add(new Demand(requirement));
        }
    }

    /// <summary>Runs with the authorization filters, before model binding; the exception handler turns a refusal into 401/403.</summary>
    private sealed class Demand(AuthorizeAttribute requirement) : IAuthorizationFilter
    {
        public void OnAuthorization(AuthorizationFilterContext context) =>
            requirement.Demand(context.HttpContext.RequestServices.GetRequiredService<ICurrentActor>().Actor);
    }
}
