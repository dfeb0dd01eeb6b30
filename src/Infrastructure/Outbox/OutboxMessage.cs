namespace OrderTracking.Infrastructure.Outbox;

/// <summary>
/// One domain event, written in the same transaction as the change that raised it and dispatched after commit.
/// A row is due while <see cref="DispatchedAt"/> and <see cref="FailedAt"/> are null and <see cref="NextAttemptAt"/>
/// is null (never tried) or past.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxTypeLength = 200;
    public const int MaxErrorLength = 2000;

    public required Guid Id { get; init; }

    /// <summary>The event's type name, as <see cref="DomainEventTypes"/> knows it.</summary>
    public required string Type { get; init; }

    public required string AggregateType { get; init; }
    public required Guid AggregateId { get; init; }

    /// <summary>The event as JSON (jsonb).</summary>
    public required string Payload { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>How many dispatches failed so far.</summary>
    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Set after <see cref="OutboxOptions.MaxAttempts"/> failures: the row is kept for inspection and tried no more.</summary>
    public DateTimeOffset? FailedAt { get; set; }
}
