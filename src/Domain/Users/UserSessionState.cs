namespace OrderTracking.Domain.Users;

/// <summary>What decides, on every request, whether an access token still speaks for its user.</summary>
public sealed record UserSessionState(bool IsActive, int SessionVersion)
{
    /// <summary>An access token issued at <paramref name="sessionVersion"/> holds while the account is active and no change has ended its sessions since.</summary>
    public bool Accepts(int sessionVersion) => IsActive && sessionVersion == SessionVersion;
}
