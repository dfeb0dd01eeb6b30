namespace OrderTracking.WebApi.OpenApi.Validation;

/// <summary>
/// Describes a request contract in the OpenAPI document with the FluentValidation rules of the Application
/// request it is sent as, when that request has the same property names (the route supplies the rest).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ValidatedAsAttribute(Type request) : Attribute
{
    public Type Request { get; } = request;
}
