using Npgsql;
namespace OrderTracking.Infrastructure.Persistence;

/// <summary>
/// Tells "the database cannot serve right now" (down, restarting, refusing connections, a connection that broke)
/// from a real error. Such a failure says nothing about the request, so the API answers 503 and the caller retries.
/// </summary>
public static class DatabaseUnavailability
{
    /// <summary>
    /// True when <paramref name="exception"/> or one of its inner exceptions is a connection-level failure:
    /// Npgsql's own transient verdict (I/O, socket, timeout, pool exhausted), the server shutting down
    /// (57P01 admin, 57P02 crash, 57P03 cannot connect now), too many connections (53300) or any
    /// connection exception (class 08). EF Core wraps these (retry limit reached, transient failure), so the
    /// whole chain is searched.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres when IsUnavailableState(postgres.SqlState):
                    return true;
                case PostgresException:
                    return false;
                // Socket and I/O errors reach us wrapped in an NpgsqlException marked transient; a bare
                // SocketException may come from any other client (HttpClient) and says nothing about the database.
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    private static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections;
}
