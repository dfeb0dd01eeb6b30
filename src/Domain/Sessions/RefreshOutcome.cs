namespace OrderTracking.Domain.Sessions;

public enum RefreshOutcome
{
    /// <summary>The token is good: it is now spent and a new one may be issued in the same family.</summary>
    Rotate,

    /// <summary>
    /// The token was spent moments ago (two tabs refreshing at once): answer with the successor it was spent for,
    /// and nothing new, so no second line of tokens opens.
    /// </summary>
    RepeatSuccessor,

    /// <summary>A token spent earlier came back: someone holds a stolen copy. The family is revoked.</summary>
    ReuseDetected,

    /// <summary>The family is revoked or expired.</summary>
    Refused,
}
