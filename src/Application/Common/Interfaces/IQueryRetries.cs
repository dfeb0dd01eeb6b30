namespace OrderTracking.Application.Common.Interfaces;

/// <summary>Runs a whole query again when the database had a transient fault (a killed connection, a restart).</summary>
public interface IQueryRetries
{
    /// <summary>
    /// Runs <paramref name="query"/>, and again from the start after a transient fault, up to the retry limit. The
    /// statements inside it are not retried one by one, so their results are read as they arrive, not buffered first.
    /// </summary>
    Task<T> RetryingAsync<T>(Func<CancellationToken, Task<T>> query, CancellationToken cancellationToken);
}
