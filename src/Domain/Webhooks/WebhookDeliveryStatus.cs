namespace OrderTracking.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its first attempt or a retry.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every retry failed until the retry window closed; only a resend sends it again.</summary>
    Failed,
}
