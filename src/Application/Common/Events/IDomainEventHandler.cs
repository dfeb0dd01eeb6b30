using OrderTracking.Domain.Common;

namespace OrderTracking.Application.Common.Events;

/// <summary>
/// Reacts to a committed domain event. The after-commit dispatcher reads each event from the outbox (written in
/// the same transaction as the change) and hands it to every handler registered for its type; a handler decides
/// what the event means for its audience (live messages, webhook deliveries). Handlers run at least once per
/// event, so each must be safe to run again for the same <see cref="DomainEventContext.EventId"/>.
/// </summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, DomainEventContext context, CancellationToken cancellationToken);
}

/// <summary>Where a dispatched event came from: its outbox id (stable across retries) and the aggregate that raised it.</summary>
public sealed record DomainEventContext(Guid EventId, string AggregateType, Guid AggregateId, DateTimeOffset OccurredAt);

/// <summary>
/// Marks a handler that only pushes a committed change to connected screens. The instance that committed the change
/// runs it at once, beside the outbox dispatcher, so a backlog of heavier handlers (webhook planning for a merchant's
/// many endpoints) never delays anyone's live updates; the dispatcher runs it only for events it takes over from
/// another instance (ADR 0039).
/// </summary>
public interface ILiveUpdateHandler;
