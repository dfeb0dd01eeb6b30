namespace OrderTracking.Domain.Orders;

/// <summary>What a caller may add to a status change: a note, a reason (cancel or failure) and delivery proof.</summary>
public sealed record StatusChangeDetails(string? Note = null, string? Reason = null, string? RecipientName = null);
