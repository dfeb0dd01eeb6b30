namespace OrderTracking.Infrastructure.Persistence;

/// <summary>PostgreSQL LIKE patterns from user text: the text's own <c>%</c>, <c>_</c> and backslash match only themselves.</summary>
internal static class Like
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
