using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Domain.Sessions;

namespace OrderTracking.Infrastructure.Persistence.Repositories;

public sealed class SessionRepository(AppDbContext db) : ISessionRepository
{
    public void AddFamily(SessionFamily family) => db.SessionFamilies.Add(family);

    public void AddToken(RefreshToken token) => db.RefreshTokens.Add(token);

    public async Task<(RefreshToken Token, SessionFamily Family)?> FindTokenAsync(byte[] tokenHash, CancellationToken cancellationToken)
    {
        var token = await db.RefreshTokens.FirstOrDefaultAsync(t => t.TokenHash == tokenHash, cancellationToken);
        if (token is null)
        {
            return null;
        }

        var family = await db.SessionFamilies.FirstAsync(f => f.Id == token.FamilyId, cancellationToken);
        return (token, family);
    }

    public Task<SessionFamily?> FindFamilyAsync(Guid familyId, CancellationToken cancellationToken) =>
        db.SessionFamilies.FirstOrDefaultAsync(f => f.Id == familyId, cancellationToken);

    public Task RevokeAllForUserAsync(Guid userId, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.SessionFamilies
            .Where(f => f.UserId == userId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevocationReason, reason), cancellationToken);
}
