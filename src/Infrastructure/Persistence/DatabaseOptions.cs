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
}
