using OrderTracking.Domain.Sessions;

namespace OrderTracking.Application.Common.Interfaces;

public interface ISessionRepository
{
    void AddFamily(SessionFamily family);

    void AddToken(RefreshToken token);

    /// <summary>The token with this hash and its family, both tracked.</summary>
    Task<(RefreshToken Token, SessionFamily Family)?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>The session family with this id, tracked; null when there is none.</summary>
    Task<SessionFamily?> FindFamilyAsync(Guid familyId, CancellationToken cancellationToken);

    /// <summary>Revokes every live session of the user straight away (outside the unit of work).</summary>
    Task RevokeAllForUserAsync(Guid userId, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken);
}
