using Boxer.TestSupport;

namespace Boxer.Host.Tests.Support;

/// <summary>
/// Builds the test plugins of tests/plugins the way a third party would: Boxer.Abstractions is packed into
/// a private feed (from a copy of its sources, so the repository's own build outputs are untouched) with a
/// version unique to this run, and each plugin is restored from that feed alone into a private package
/// folder, so no stale package can be picked up. Built once and shared by the plugin specs (slow: ~30 s).
/// </summary>
public sealed class PluginWorkshop : IAsyncLifetime
{
    private readonly TempDir _root = new("boxer-plugin-workshop-");
    private readonly string _suffix = $"t{DateTime.UtcNow:yyyyMMddHHmmss}{Environment.ProcessId}";

    /// <summary>A plugins root holding only the working TinyTarget (<c>tiny</c>).</summary>
    public string GoodRoot => _root.Combine("good");

    /// <summary>
    /// A plugins root of plugins that must each be refused with one warning: a garbage dll, a constructor
    /// that throws, a plugin built for Abstractions 2.x, and a second plugin claiming the name <c>tiny</c>.
    /// </summary>
    public string BrokenRoot => _root.Combine("broken");

    /// <summary>The plugin folder names in <see cref="BrokenRoot"/>.</summary>
    public static IReadOnlyList<string> BrokenPlugins { get; } = ["Garbage", "ThrowingTarget", "TinyTargetNext", "TinyTwin"];

    public string ContractVersion => $"1.0.0-{_suffix}";

    public string NextContractVersion => $"2.0.0-{_suffix}";

    private string Feed => _root.Combine("feed");

    public async Task InitializeAsync()
    {
        var sources = CopyAbstractionsSources();
        await DotnetAsync("pack", sources, "-c", "Release", "-o", Feed, $"-p:Version={ContractVersion}");
        await DotnetAsync("pack", sources, "-c", "Release", "-o", Feed, $"-p:Version={NextContractVersion}");
        await BuildPluginAsync("TinyTarget", Path.Combine(GoodRoot, "TinyTarget"), ContractVersion);
        await BuildPluginAsync("ThrowingTarget", Path.Combine(BrokenRoot, "ThrowingTarget"), ContractVersion);
        await BuildPluginAsync("TinyTarget", Path.Combine(BrokenRoot, "TinyTargetNext"), NextContractVersion, "-p:AssemblyName=TinyTargetNext");
        await BuildPluginAsync("TinyTarget", Path.Combine(BrokenRoot, "TinyTwin"), ContractVersion, "-p:AssemblyName=TinyTwin");
        var garbage = Directory.CreateDirectory(Path.Combine(BrokenRoot, "Garbage")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(garbage, "Garbage.dll"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
    }

    public Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    private string CopyAbstractionsSources()
    {
        var copy = _root.Combine("repo");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", ".editorconfig" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(copy, file).EnsureParent());
        }
        CopyTree(Path.Combine(RepoPaths.Root, "src", "Boxer.Abstractions"), Path.Combine(copy, "src", "Boxer.Abstractions"));
        return Path.Combine(copy, "src", "Boxer.Abstractions");
    }

    private async Task BuildPluginAsync(string project, string output, string contractVersion, params string[] extra)
    {
        var work = _root.Combine("work", Path.GetFileName(output));
        CopyTree(Path.Combine(RepoPaths.Root, "tests", "plugins", project), work);
        await DotnetAsync("build", work, ["-c", "Release", "-o", output, "--source", Feed,
            $"-p:BoxerAbstractionsVersion={contractVersion}", .. extra]);
    }

    private async Task DotnetAsync(string verb, string project, params string[] args)
    {
        var environment = new Dictionary<string, string?>
        {
            ["NUGET_PACKAGES"] = _root.Combine("nuget-packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        var result = await ProcessRunner.RunAsync(
            "dotnet", [verb, project, "--disable-build-servers", "--nologo", .. args], environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {verb} {project} failed:\n{result}");
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar) is ["bin" or "obj", ..])
            {
                continue;
            }
            File.Copy(file, Path.Combine(to, relative).EnsureParent());
        }
    }
}
