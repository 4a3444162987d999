using Boxer.TestSupport;

namespace Boxer.Lxd.Tests.Support;

/// <summary>
/// The sample plugin built exactly as docs/writing-a-target.md tells a newcomer: in a copy of the repository
/// (so the real one's build outputs are untouched), <c>./pack.sh</c> fills artifacts/packages, the sample is
/// built with its own NuGet.config and installed into a plugins folder. The pack gets a version unique to
/// this run and restores use a private package folder, so no stale package is ever picked up. Slow (~1 min):
/// built once per test run.
/// </summary>
public sealed class SamplePlugin : IAsyncLifetime
{
    public const string PluginName = "Boxer.Targets.Lxd";

    private readonly TempDir _root = new("boxer-lxd-sample-");

    /// <summary>The plugins root holding <c>Boxer.Targets.Lxd/</c>, for BOXER_PLUGIN_PATH.</summary>
    public string PluginsRoot => _root.Combine("plugins");

    public string PluginFolder => Path.Combine(PluginsRoot, PluginName);

    public string PackageVersion { get; } = $"1.0.0-lxdtest{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";

    private string Repo => _root.Combine("repo");

    public async Task InitializeAsync()
    {
        CopyRepositoryParts();
        await RunAsync("bash", [Path.Combine(Repo, "pack.sh"), $"-p:Version={PackageVersion}"]);
        await RunAsync("dotnet", ["build", Path.Combine(Repo, "samples", PluginName), "-c", "Release", "-o", PluginFolder,
            $"-p:BoxerPackageVersion={PackageVersion}", "--disable-build-servers", "--nologo"]);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    private void CopyRepositoryParts()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "pack.sh" })
        {
            CopyFile(Path.Combine(RepoPaths.Root, file), Path.Combine(Repo, file));
        }
        foreach (var folder in new[] { "src/Boxer.Abstractions", "src/Boxer.Formats", "samples" })
        {
            CopyTree(Path.Combine(RepoPaths.Root, folder), Path.Combine(Repo, folder));
        }
    }

    private async Task RunAsync(string tool, string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _root.Combine("nuget-packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        var result = await ExternalTool.RunAsync(tool, args, new ToolRunOptions
        {
            Environment = environment,
            WorkingDirectory = Repo,
            Timeout = TimeSpan.FromMinutes(10),
        });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"`{result.Command}` failed ({result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (!relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                CopyFile(file, Path.Combine(to, relative));
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        }
    }
}
