namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The database side of a command's transaction, for <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>
/// alone: it is the one owner of where a command's work begins, commits or rolls back, and of what runs after the commit.
/// </summary>
public interface ICommandTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one explicit transaction that every save of the unit of work joins, and commits it.
    /// A failure rolls everything back. A transient database fault (a killed connection, a restart, a commit whose
    /// answer was lost) runs the whole of <paramref name="work"/> again from an empty unit of work, so it must be safe
    /// to repeat: an identified command is, because its first statement claims its key.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// The after-commit hook: wakes the outbox dispatcher for the domain events the committed saves wrote and counts
    /// them (each committed change once). A save outside <see cref="InTransactionAsync{T}"/> is one batch that commits
    /// by itself; a save inside one waits for its commit, and a rollback forgets it.
    /// </summary>
    void AfterCommit();
}
