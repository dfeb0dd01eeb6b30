using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrderTracking.Benchmarks;

/// <summary>What the figures were measured on: cores, CPU model, memory, load, runtime and wrk.</summary>
public sealed record MachineInfo(int Cores, string Cpu, string Memory, string Load, string Runtime, string Wrk)
{
    public string Summary => $"{Cores} cores ({Cpu}), {Memory} RAM, load average {Load}, {Runtime}, {Wrk}";

    public static MachineInfo Describe() => new(
        Environment.ProcessorCount,
        Field("/proc/cpuinfo", "model name") ?? "unknown CPU",
        Field("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], out var total) ? $"{total / 1024.0 / 1024.0:N0} GB" : "unknown",
        LoadAverage(),
        RuntimeInformation.FrameworkDescription,
        WrkVersion());

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Field(string file, string name) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string WrkVersion()
    {
        using var wrk = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = wrk.StandardOutput.ReadToEnd() + wrk.StandardError.ReadToEnd();
        wrk.WaitForExit();
        return text.Split('\n')[0].Split('[')[0].Trim();
    }
}
