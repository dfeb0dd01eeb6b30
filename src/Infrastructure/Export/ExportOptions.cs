namespace OrderTracking.Infrastructure.Export;

/// <summary>The <c>Exports</c> configuration section: CSV exports hold a connection for as long as the client reads.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>Exports one user may stream at once, on one instance; the next is answered 429.</summary>
    public int MaxConcurrentPerUser { get; set; } = 2;

    /// <summary>
    /// Exports one instance streams at once: the size of the export connections' own pool, apart from the application's,
    /// so exports can never take the connections every other request needs. The next is answered 503.
    /// </summary>
    public int MaxConcurrent { get; set; } = 10;

    /// <summary>The export statement's <c>statement_timeout</c>: the longest one export may run, however slowly it is read.</summary>
    public int StatementTimeoutSeconds { get; set; } = 300;
}
