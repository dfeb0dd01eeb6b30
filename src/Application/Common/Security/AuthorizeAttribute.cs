using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Security;

/// <summary>
/// Declares on a request type who may send it. A request without this attribute is open to anyone
/// (sign-in, public tracking); with it, the caller must be signed in as one of <see cref="ActorTypes"/>.
/// The mediator pipeline checks it, and so does the WebApi before it even reads the request.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class AuthorizeAttribute(params ActorType[] actorTypes) : Attribute
{
    public IReadOnlyList<ActorType> ActorTypes { get; } = actorTypes;

    /// <summary>Throws <see cref="UnauthenticatedException"/> without a caller and <see cref="ForbiddenAccessException"/> for a caller of another type.</summary>
    public void Demand(Actor? caller)
    {
        var actor = caller ?? throw new UnauthenticatedException();
        if (!ActorTypes.Contains(actor.Type))
        {
            throw new ForbiddenAccessException();
        }
    }
}
