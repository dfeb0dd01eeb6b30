namespace OrderTracking.WebApi.LiveMap;

/// <summary>
/// Where the tracking page's map takes its tiles from (configuration section <c>Map</c>). The browser fetches them
/// straight from that server; the API only tells it where, and allows that origin in its Content-Security-Policy.
/// </summary>
public sealed class MapOptions
{
    public const string SectionName = "Map";

    /// <summary>A tile URL template with {z}, {x}, {y} (and optionally {s}); https, or a path on this site.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The attribution the tile provider requires, shown on every map (HTML links allowed).</summary>
    public string Attribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    public int MaxZoom { get; set; } = 19;

    /// <summary>The tile server's origin for the Content-Security-Policy's img-src; null for tiles served by this site.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal)
            .Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? TileUrl.Contains("{s}", StringComparison.Ordinal) ? $"{uri.Scheme}://*.{string.Join('.', uri.Host.Split('.').Skip(1))}" : uri.GetLeftPart(UriPartial.Authority)
            : null;
}
