using Microsoft.EntityFrameworkCore;
using OrderTracking.Application.Common.Interfaces;
using OrderTracking.Infrastructure.Persistence;

namespace OrderTracking.Infrastructure.Proofs;

/// <summary>
/// The embedded store: a table beside the orders, so every instance reads what any instance wrote, and a file is
/// written in the same transaction as the delivery it proves (a refused delivery leaves no file behind).
/// </summary>
public sealed class DatabaseProofFileStore(AppDbContext db, TimeProvider timeProvider) : IProofFileStore
{
    public Task PutAsync(string key, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        db.Set<StoredProofFile>().Add(new StoredProofFile { Key = key, Content = content, ContentType = contentType, CreatedAt = timeProvider.GetUtcNow() });
        return Task.CompletedTask;
    }

    public async Task<ProofFileContent?> GetAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<StoredProofFile>().AsNoTracking()
            .Where(f => f.Key == key)
            .Select(f => new ProofFileContent(f.Content, f.ContentType))
            .FirstOrDefaultAsync(cancellationToken);

    public Task DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        db.Set<StoredProofFile>().Where(f => keys.Contains(f.Key)).ExecuteDeleteAsync(cancellationToken);
}
