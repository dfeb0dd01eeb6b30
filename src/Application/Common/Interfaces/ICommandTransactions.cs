namespace OrderTracking.Application.Common.Interfaces;

/// <summary>
/// The database side of a command's unit of work, for <see cref="Behaviours.TransactionBehaviour{TMessage, TResponse}"/>
/// alone: it is the one owner of how a command's work is saved, and of what runs after the commit.
/// </summary>
public interface ICommandTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> with every save it asks for held back; then <paramref name="keep"/> adds what must be
    /// saved with its result (an identified command's key and that result), and everything is saved as one batch,
    /// which PostgreSQL runs as one transaction: all of it commits or none. A transient database fault (a killed
    /// connection, a restart, a commit whose answer was lost) runs the whole of it again from an empty unit of work,
    /// so it must be safe to repeat: an identified command is, because a batch that did commit holds its key.
    /// </summary>
    Task<T> SaveAsOneAsync<T>(Func<CancellationToken, Task<T>> work, Action<T> keep, CancellationToken cancellationToken);

    /// <summary>
    /// The after-commit hook: wakes the outbox dispatcher for the domain events the committed saves wrote and counts
    /// them (each committed change once). A save that failed wrote nothing and is forgotten.
    /// </summary>
    void AfterCommit();
}
