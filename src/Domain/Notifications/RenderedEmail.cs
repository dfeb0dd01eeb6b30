namespace OrderTracking.Domain.Notifications;

/// <summary>A message ready to send: subject, plain-text and HTML parts, who it says it is from, and its unsubscribe address.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html, string SenderName, string? ReplyTo, string? UnsubscribeUrl);
