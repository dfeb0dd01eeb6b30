using System.Reflection;

namespace OrderTracking.Benchmarks;

/// <summary>The servers the benchmarks start, as built beside the benchmark (same configuration).</summary>
public static class BuiltAssemblies
{
    public static string WebApi() => Find(Path.Combine("src", "WebApi"), "OrderTracking.WebApi");

    public static string RawBaseline() => Find(Path.Combine("bench", "OrderTracking.RawBaseline"), "OrderTracking.RawBaseline");

    /// <summary>The repository's root folder (where OrderTracking.sln is).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderTracking.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository (OrderTracking.sln not found above it).");
    }

    private static string Find(string projectDirectory, string assemblyName)
    {
        var configuration = typeof(BenchOptions).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build {assemblyName} first ({configuration}): {dll}");
    }
}
