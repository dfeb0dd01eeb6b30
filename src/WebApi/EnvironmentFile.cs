namespace OrderTracking.WebApi;

/// <summary>
/// Reads a <c>.env</c> file into environment variables, as the original design did: the nearest one in this
/// folder or a parent (the repository root when started from a checkout). Variables already set win.
/// </summary>
public static class EnvironmentFile
{
    public static void Load()
    {
        if (Environment.GetEnvironmentVariable("ORDERTRACKING_SKIP_DOTENV") == "1")
        {
            return;
        }

        DotNetEnv.Env.NoClobber().TraversePath().Load();
    }
}
