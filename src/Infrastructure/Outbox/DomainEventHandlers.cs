using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OrderTracking.Application.Common.Events;
using OrderTracking.Domain.Common;

namespace OrderTracking.Infrastructure.Outbox;

/// <summary>Runs every registered <see cref="IDomainEventHandler{TEvent}"/> for one event, whatever its type.</summary>
internal abstract class DomainEventHandlers
{
    private static readonly ConcurrentDictionary<Type, DomainEventHandlers> ByEventType = new();

    public static DomainEventHandlers For(Type eventType) =>
        ByEventType.GetOrAdd(eventType, type => (DomainEventHandlers)Activator.CreateInstance(typeof(Of<>).MakeGenericType(type))!);

    /// <summary>
    /// Runs each handler of <paramref name="lane"/> even when one before it fails, so one failing handler delays no
    /// other; then throws the first failure.
    /// </summary>
    public abstract Task RunAsync(IServiceProvider services, IDomainEvent domainEvent, DomainEventContext context, HandlerLane lane, CancellationToken cancellationToken);

    private sealed class Of<TEvent> : DomainEventHandlers where TEvent : IDomainEvent
    {
        public override async Task RunAsync(IServiceProvider services, IDomainEvent domainEvent, DomainEventContext context, HandlerLane lane, CancellationToken cancellationToken)
        {
            List<Exception>? failures = null;
            foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>().Where(handler => lane.Runs(handler!)))
            {
                try
                {
                    await handler.HandleAsync((TEvent)domainEvent, context, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    (failures ??= []).Add(ex);
                }
            }

            if (failures is not null)
            {
                throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
            }
        }
    }
}

/// <summary>Which of an event's handlers a run takes: the live updates (<see cref="ILiveUpdateHandler"/>), the others, or all.</summary>
internal enum HandlerLane
{
    All,
    LiveUpdates,
    AllButLiveUpdates,
}

internal static class HandlerLanes
{
    public static bool Runs(this HandlerLane lane, object handler) => lane switch
    {
        HandlerLane.LiveUpdates => handler is ILiveUpdateHandler,
        HandlerLane.AllButLiveUpdates => handler is not ILiveUpdateHandler,
        _ => true,
    };
}
