namespace OrderTracking.Domain.Common;

/// <summary>Something that happened inside an aggregate and that the rest of the system may react to.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}
