using Microsoft.Extensions.FileProviders;

namespace OrderTracking.WebApi;

/// <summary>
/// Serves the built React client (<c>client/dist</c>, or the folder in <c>ClientApp:Path</c>) when it exists,
/// with index.html as the fallback for the client's own routes. API, hub, health and swagger paths never fall back.
/// </summary>
public static class ClientApp
{
    private static readonly string[] DefaultLocations = ["wwwroot", "../../client/dist", "client/dist"];

    private static PhysicalFileProvider? FindDist(WebApplication app)
    {
        var configured = app.Configuration["ClientApp:Path"];
        var candidates = configured is not null
            ? [Path.GetFullPath(configured, app.Environment.ContentRootPath)]
            : DefaultLocations.Select(p => Path.GetFullPath(p, app.Environment.ContentRootPath));
        var folder = candidates.FirstOrDefault(p => File.Exists(Path.Combine(p, "index.html")));
        return folder is null ? null : new PhysicalFileProvider(folder);
    }

    private static PhysicalFileProvider? _files;

    public static void UseClientApp(this WebApplication app)
    {
        _files = FindDist(app);
        if (_files is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = _files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = _files });
        }
    }

    public static void MapClientAppFallback(this WebApplication app)
    {
        if (_files is not null)
        {
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = _files });
        }
    }
}
