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

    /// <summary>Where <see cref="UseClientApp"/> leaves the folder it found, for <see cref="MapClientAppFallback"/>: on the app, not
    /// in a static field, so apps built side by side in one process (the integration tests) never see each other's.</summary>
    private const string FilesKey = "OrderTracking.ClientApp.Files";

    public static void UseClientApp(this WebApplication app)
    {
        var files = FindDist(app);
        if (files is not null)
        {
            ((IApplicationBuilder)app).Properties[FilesKey] = files;
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
    }

    public static void MapClientAppFallback(this WebApplication app)
    {
        if (((IApplicationBuilder)app).Properties.TryGetValue(FilesKey, out var found) && found is PhysicalFileProvider files)
        {
            app.MapFallbackToFile("index.html", new StaticFileOptions { FileProvider = files });
        }
    }
}
