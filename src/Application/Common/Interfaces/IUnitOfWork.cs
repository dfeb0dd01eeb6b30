namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// A handler's side of its command's unit of work. Throws <see cref="Exceptions.ConcurrencyConflictException"/> when
/// another writer changed the same row first (the one place that translates it) and
/// <see cref="Exceptions.DuplicateException"/> when a unique rule of the store is broken.
/// </summary>
public interface IUnitOfWork
{
    /// <summary>
    /// Saves everything the handler changed, with the domain events it raised, as one batch, and reads back what the
    /// database made (an order's version). Whether that batch commits at once or with the command's transaction is
    /// decided by <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>, never by the handler.
    /// </summary>
    Task SaveChangesAsync(CancellationToken cancellationToken);
}
