using Boxer.TestSupport;

namespace Boxer.Host.Tests.Support;

/// <summary>
/// The real built <c>boxer</c> (src/Boxer.Host/bin/&lt;this test's configuration&gt;/net10.0/boxer.dll, with the
/// in-tree plugins copied beside it), run as a child process in a controlled environment: its own empty HOME
/// and XDG_CACHE_HOME in a temp dir removed when it exits (so no user plugins leak in and no recipe cache is
/// shared with another test or left behind), and no BOXER_PLUGIN_PATH or SOURCE_DATE_EPOCH unless a test sets
/// them. A test that wants a cache kept across its runs passes its own XDG_CACHE_HOME (and removes it).
/// </summary>
public static class BoxerHost
{
    /// <summary>The configuration this test assembly was built in (bin/&lt;cfg&gt;/net10.0/).</summary>
    public static string Configuration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    public static string HostDirectory =>
        Path.Combine(RepoPaths.Root, "src", "Boxer.Host", "bin", Configuration, "net10.0");

    public static string DllPath => Path.Combine(HostDirectory, "boxer.dll");

    public static Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, new Dictionary<string, string?>());

    public static async Task<ProcessResult> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, string? workingDirectory = null,
        Action<string, System.Diagnostics.Process>? onStdErrLine = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new FileNotFoundException($"the host is not built: {DllPath}");
        }
        using var home = new TempDir("boxer-home-");
        var env = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["XDG_CACHE_HOME"] = home.Combine(".cache"),
            ["XDG_CONFIG_HOME"] = null,
            ["BOXER_PLUGIN_PATH"] = null,
            ["SOURCE_DATE_EPOCH"] = null,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }
        // A test run started in the background (`cmd &` in a script, nohup) inherits SIGINT ignored, and .NET keeps
        // an inherited SIG_IGN; reset it so boxer sees Ctrl-C as it does in a terminal. env execs: same pid.
        return await ProcessRunner.RunAsync(
            "env", ["--default-signal=INT", "dotnet", DllPath, .. args], env, workingDirectory, onStdErrLine);
    }
}
