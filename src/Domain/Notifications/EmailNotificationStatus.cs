namespace OrderTracking.Domain.Notifications;

public enum EmailNotificationStatus
{
    /// <summary>Waiting to be sent, or to be tried again.</summary>
    Pending,

    /// <summary>The mail server accepted it.</summary>
    Sent,

    /// <summary>The mail server refused it for good (a 5xx answer), or every retry failed.</summary>
    Failed,

    /// <summary>A later change of the same order was planned before this one left: only the latest state is sent.</summary>
    Superseded,

    /// <summary>Not sent on purpose: the customer unsubscribed, or an admin paused the merchant's sending.</summary>
    Withheld,
}
