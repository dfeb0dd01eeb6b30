namespace OrderTracking.Domain.Webhooks;

/// <summary>Why an endpoint gets no deliveries: shown to its owner beside the time it was disabled.</summary>
public enum WebhookDisabledReason
{
    /// <summary>Its owner (or an admin) switched it off.</summary>
    Manually,

    /// <summary>Every attempt failed for the configured time (3 days by default).</summary>
    KeptFailing,

    /// <summary>The merchant's account was deactivated.</summary>
    OwnerDeactivated,

    /// <summary>The account that owned it is no longer a merchant.</summary>
    OwnerNoLongerMerchant,
}
