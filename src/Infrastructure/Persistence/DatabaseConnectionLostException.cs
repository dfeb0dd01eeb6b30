namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// The database ended the connection in the middle of a transaction, before its commit: nothing was stored, so the
/// whole transaction may run again (the retrying execution strategy does), and when the retries run out the database
/// counts as unavailable (503), not as a bug.
/// </summary>
public sealed class DatabaseConnectionLostException(Exception inner)
    : Exception("The database connection was lost during a transaction.", inner);
