using System.Security.Cryptography;

namespace OrderTracking.Infrastructure.Identity;

/// <summary>
/// The signing key of a Development instance started without one: random, made on the first start and kept in
/// a git-ignored file readable by its owner only, so sessions survive a restart and no key is ever committed.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string DefaultPath = ".data/jwt-signing-key";

    public static string LoadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, options))
        {
            file.Write(key);
        }

        return key;
    }
}
