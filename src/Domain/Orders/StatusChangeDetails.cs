namespace OrderTracking.Domain.Orders;

/// <summary>
/// What a caller may add to a status change: a note, a reason (cancel or failure), delivery proof, and when the
/// change happened on the caller's device (a change made offline arrives later).
/// </summary>
public sealed record StatusChangeDetails(string? Note = null, string? Reason = null, string? RecipientName = null, DateTimeOffset? OccurredAt = null);
