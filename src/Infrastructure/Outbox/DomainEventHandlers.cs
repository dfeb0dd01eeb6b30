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

    /// <summary>Runs each handler even when one before it fails, so one failing handler delays no other; then throws the first failure.</summary>
    public abstract Task RunAsync(IServiceProvider services, IDomainEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken);

    private sealed class Of<TEvent> : DomainEventHandlers where TEvent : IDomainEvent
    {
        public override async Task RunAsync(IServiceProvider services, IDomainEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken)
        {
            List<Exception>? failures = null;
            foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
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
