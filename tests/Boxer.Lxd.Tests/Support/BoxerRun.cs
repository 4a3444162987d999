using Boxer.TestSupport;

namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// The real built <c>boxer</c> (src/Boxer.Host/bin/&lt;configuration&gt;/net10.0/boxer.dll) as a child process with
/// its own empty HOME and XDG_CACHE_HOME (a temp dir removed when it exits: no recipe cache shared or left
/// behind), the given plugin path and nothing else leaking in from the caller's environment.
/// </summary>
public static class BoxerRun
{
    public static string DllPath => Path.Combine(
        RepoPaths.Root, "src", "Boxer.Host", "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "boxer.dll");

    public static Task<ToolResult> RunAsync(string? pluginPath, params string[] args) =>
        RunAsync(pluginPath, new Dictionary<string, string?>(), args);

    public static async Task<ToolResult> RunAsync(string? pluginPath, IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        Assert.True(File.Exists(DllPath), $"the host is not built: {DllPath}");
        using var home = new TempDir("boxer-home-");
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["XDG_CACHE_HOME"] = home.Combine(".cache"),
            ["XDG_CONFIG_HOME"] = null,
            ["BOXER_PLUGIN_PATH"] = pluginPath,
            ["SOURCE_DATE_EPOCH"] = null,
            ["LXD_DIR"] = null,
            ["DOTNET_NOLOGO"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }
        return await ExternalTool.RunAsync("dotnet", [DllPath, .. args], new ToolRunOptions
        {
            Environment = environment,
            Timeout = TimeSpan.FromMinutes(10),
        });
    }
}
