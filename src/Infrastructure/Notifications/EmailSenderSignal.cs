using OrderTracking.Infrastructure.Background;

namespace OrderTracking.Infrastructure.Notifications;

/// <summary>Wakes this instance's e-mail sender at once when an e-mail is planned or a test is asked for here.</summary>
public sealed class EmailSenderSignal : WakeUpSignal;
