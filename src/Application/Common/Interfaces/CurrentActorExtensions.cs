using OrderTracking.Application.Common.Exceptions;
using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Interfaces;

public static class CurrentActorExtensions
{
    /// <summary>The caller of a request that the authorization behaviour has already let through.</summary>
    public static Actor Required(this ICurrentActor currentActor) =>
        currentActor.Actor ?? throw new UnauthenticatedException();
}
