using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace OrderTracking.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// A local S3-compatible server (the npm package s3rver, pinned in scripts/package.json) on a port it chooses
/// itself, with one bucket, its data in a temporary folder removed on dispose. Installs the package first when the
/// scripts' node_modules lack it, so a bare <c>dotnet test</c> runs it too.
/// </summary>
public sealed partial class S3rverServer : IAsyncLifetime
{
    public const string Bucket = "proofs";

    /// <summary>s3rver accepts only this access key and secret.</summary>
    public const string AccessKey = "S3RVER";

    private readonly string _directory = Directory.CreateTempSubdirectory("ot-s3rver-").FullName;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var scripts = Path.Combine(RepositoryRoot(), "scripts");
        var entry = Path.Combine(scripts, "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(entry))
        {
            await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], scripts);
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = Process.Start(new ProcessStartInfo("node", [entry, "-d", _directory, "-a", "127.0.0.1", "-p", "0", "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        void Read(object _, DataReceivedEventArgs e)
        {
            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (e.Data is not null && ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri($"http://{match.Groups[1].Value}"));
            }
        }

        _process.OutputDataReceived += Read;
        _process.ErrorDataReceived += Read;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited).WaitAsync(TimeSpan.FromMinutes(2)) != listening.Task)
        {
            lock (_output)
            {
                throw new InvalidOperationException($"s3rver did not start:\n{_output}");
            }
        }

        ServiceUrl = await listening.Task;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "package.json")) && File.Exists(Path.Combine(directory.FullName, "OrderTracking.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with scripts/package.json) is not above the test binaries.");
    }

    private static async Task RunAsync(string command, string[] arguments, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed in {workingDirectory}:\n{await output}{await error}");
        }
    }

    [GeneratedRegex(@"S3rver listening on ([0-9.]+:[0-9]+)")]
    private static partial Regex ListeningOn();
}
