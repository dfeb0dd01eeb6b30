namespace OrderTracking.Domain.Sessions;

public enum RefreshOutcome
{
    /// <summary>The token is good: it is now spent and a new one may be issued in the same family.</summary>
    Rotate,

    /// <summary>A token spent earlier came back: someone holds a stolen copy. The family is revoked.</summary>
    ReuseDetected,

    /// <summary>The family is revoked or expired.</summary>
    Refused,
}
