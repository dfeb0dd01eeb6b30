namespace OrderTracking.WebApi.Filters;

/// <summary>
/// Names the Application request an action sends when the action binds a WebApi contract instead of the request
/// itself, so <see cref="RequestAuthorizationConvention"/> can check who may send it before the body is read, and
/// the OpenAPI document describes the contract with the request's validator (<see cref="OpenApi.Validation.SentRequests"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SendsAttribute<TRequest> : Attribute, ISendsRequest
{
    public Type RequestType => typeof(TRequest);
}

/// <summary>The non-generic face of <see cref="SendsAttribute{TRequest}"/>, for reading it by reflection.</summary>
public interface ISendsRequest
{
    Type RequestType { get; }
}
