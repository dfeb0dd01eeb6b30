namespace OrderTracking.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section, as far as the connections are concerned.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// PostgreSQL's <c>statement_timeout</c> for every statement of the application's connections (requests and background
    /// work): a statement still running after this long is cancelled by the server, and the request answers 503.
    /// </summary>
    public int StatementTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How many statements each pooled connection keeps prepared on the server (Npgsql's automatic preparation: a
    /// statement run five times on a connection is prepared, the least recently used one is dropped past this many).
    /// A prepared statement is parsed and planned once per connection instead of on every execution, which is most of
    /// the database's work for the tracking page's one statement. 0 turns it off; a connection string that sets
    /// <c>Max Auto Prepare</c> itself wins.
    /// </summary>
    public int MaxAutoPrepare { get; set; } = 200;
}
