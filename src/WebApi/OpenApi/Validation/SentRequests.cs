using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OrderTracking.WebApi.Filters;

namespace OrderTracking.WebApi.OpenApi.Validation;

/// <summary>
/// Which Application request's validator describes a WebApi contract: the request an action names with
/// <see cref="SendsAttribute{TRequest}"/> describes the contract the action binds, member by member where the names
/// match, so the rules are written once, on the request. A contract bound as a parameter named like a member of the
/// request (a list's <c>filter</c> and its <c>Filter</c>) is described by that member's type.
/// </summary>
/// <remarks>
/// A body's schema is shared by every operation that takes it, so a contract that actions send as different requests
/// (adding and updating a pickup location) takes the rules of each; their validators are meant to agree on it.
/// </remarks>
public sealed class SentRequests(IApiDescriptionGroupCollectionProvider apiDescriptions)
{
    private readonly Lazy<ILookup<Type, Type>> bodies = new(() => apiDescriptions.ApiDescriptionGroups.Items
        .SelectMany(group => group.Items)
        .SelectMany(action => SentBy(action) is { } request
            ? action.ParameterDescriptions.Where(p => p.Source == BindingSource.Body).Select(p => (Contract: p.Type, Describer: DescribedBy(request, p)))
            : [])
        .Distinct()
        .ToLookup(pair => pair.Contract, pair => pair.Describer));

    /// <summary>The types whose validators describe a body contract: the requests it is sent as, or else the contract itself.</summary>
    public IReadOnlyList<Type> DescribingBody(Type contract) => bodies.Value[contract].ToList() is { Count: > 0 } requests ? requests : [contract];

    /// <summary>The request the action sends, when it names one.</summary>
    public static Type? SentBy(ApiDescription action) =>
        (action.ActionDescriptor as ControllerActionDescriptor)?.MethodInfo.GetCustomAttributes().OfType<ISendsRequest>().FirstOrDefault()?.RequestType;

    /// <summary>The type whose validator holds the rules for a value the action binds: the request, or its member named like the action's parameter.</summary>
    public static Type DescribedBy(Type request, ApiParameterDescription parameter) =>
        parameter.ParameterDescriptor?.Name is { Length: > 0 } name
        && request.GetProperty(char.ToUpperInvariant(name[0]) + name[1..])?.PropertyType is { IsClass: true } member
        && member != typeof(string)
            ? member
            : request;
}
