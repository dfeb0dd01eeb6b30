namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// Commits everything the handler changed in one transaction. Throws
/// <see cref="Exceptions.ConcurrencyConflictException"/> when another writer changed the same row first and
/// <see cref="Exceptions.DuplicateException"/> when a unique rule of the store is broken.
/// </summary>
public interface IUnitOfWork
{
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
