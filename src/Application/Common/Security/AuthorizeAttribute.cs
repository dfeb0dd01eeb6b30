using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Security;

/// <summary>
/// Declares on a request type who may send it. A request without this attribute is open to anyone
/// (sign-in, public tracking); with it, the caller must be signed in as one of <see cref="ActorTypes"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute(params ActorType[] actorTypes) : Attribute
{
    public IReadOnlyList<ActorType> ActorTypes { get; } = actorTypes;
}
