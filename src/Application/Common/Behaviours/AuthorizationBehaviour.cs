using System.Reflection;
using Mediator;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Application.Common.Security;

namespace OrderTracking.Application.Common.Behaviours;

/// <summary>Refuses a request whose type declares <see cref="AuthorizeAttribute"/> when the caller is not one of its actor types.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentActor currentActor) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly AuthorizeAttribute? Requirement = typeof(TMessage).GetCustomAttribute<AuthorizeAttribute>();

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Requirement?.Demand(currentActor.Actor);
        return next(message, cancellationToken);
    }
}
