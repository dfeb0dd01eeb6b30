namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Asked on every authenticated request: does an access token of this user, issued at this session version for this
/// session, still hold? Answers may come from a cache, but never one older than a few seconds, so a change made on any
/// instance reaches every instance at once or nearly so.
/// </summary>
public interface IUserSessionCheck
{
    /// <summary>
    /// False when the user does not exist or is inactive, a change has ended their sessions since, or the session
    /// itself has ended (signed out, revoked, expired, or gone).
    /// </summary>
    ValueTask<bool> IsCurrentAsync(Guid userId, int sessionVersion, Guid sessionId, CancellationToken cancellationToken);

    /// <summary>Drops what this instance remembers of the user, so its next request reads the database.</summary>
    void Forget(Guid userId);

    /// <summary>Drops what this instance remembers of one session, so its next request reads the database.</summary>
    void ForgetSession(Guid sessionId);
}
