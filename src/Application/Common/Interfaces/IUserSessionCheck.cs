namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Asked on every authenticated request: does an access token of this user, issued at this session version,
/// still hold? Answers may come from a cache, but never one older than a few seconds, so a change made on any
/// instance reaches every instance at once or nearly so.
/// </summary>
public interface IUserSessionCheck
{
    /// <summary>False when the user does not exist, is inactive, or a change has ended their sessions since.</summary>
    ValueTask<bool> IsCurrentAsync(Guid userId, int sessionVersion, CancellationToken cancellationToken);

    /// <summary>Drops what this instance remembers of the user, so its next request reads the database.</summary>
    void Forget(Guid userId);
}
