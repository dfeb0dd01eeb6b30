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
        // The token and its session in one statement: a refresh reads both before anything else (foreign key: the
        // session always exists while its tokens do).
        var found = await db.RefreshTokens
            .Where(t => t.TokenHash == tokenHash)
            .Join(db.SessionFamilies, t => t.FamilyId, f => f.Id, (token, family) => new { token, family })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.token, found.family);
    }

    public Task<SessionFamily?> FindFamilyAsync(Guid familyId, CancellationToken cancellationToken) =>
        db.SessionFamilies.FirstOrDefaultAsync(f => f.Id == familyId, cancellationToken);

    public Task RevokeAllForUserAsync(Guid userId, SessionRevocationReason reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.SessionFamilies
            .Where(f => f.UserId == userId && f.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.RevokedAt, now).SetProperty(f => f.RevocationReason, reason), cancellationToken);
}
