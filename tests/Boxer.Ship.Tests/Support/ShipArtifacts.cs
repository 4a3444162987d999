using Boxer.TestSupport;

namespace Boxer.Ship.Tests.Support;

/// <summary>
/// One <c>./ship.sh --out DIR</c> run per test run (the tool package and both archives take minutes to build),
/// shared by the specs of <see cref="ShipCollection"/>; and the reference image: the demo stage3 built by the
/// repository's <c>./boxer</c> launcher with SOURCE_DATE_EPOCH set, which every packaged boxer must reproduce.
/// <c>BOXER_SHIP_ARTIFACTS=DIR</c> uses what an earlier <c>./ship.sh --out DIR</c> made instead (kept, not
/// rebuilt): for working on these specs without waiting for the builds.
/// </summary>
public sealed class ShipArtifacts : IDisposable
{
    public const long Epoch = 1_700_000_000;

    private readonly TempDir _dir = new("boxer-ship-");
    private readonly Lazy<string> _reference;
    private readonly Lazy<string> _zlibNgReference;
    private readonly string _out;

    public ShipArtifacts()
    {
        _out = Environment.GetEnvironmentVariable("BOXER_SHIP_ARTIFACTS") is { Length: > 0 } prebuilt ? prebuilt : _dir.Path;
        if (_out == _dir.Path)
        {
            var result = ExternalTool.Run("bash", [Path.Combine(RepoPaths.Root, "ship.sh"), "--out", _out],
                new ToolRunOptions { Timeout = TimeSpan.FromMinutes(30) });
            if (!result.Succeeded)
            {
                _dir.Dispose();
                throw new InvalidOperationException($"ship.sh failed (exit {result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
            }
        }
        Version = Path.GetFileName(Directory.GetFiles(ToolFeed, "boxer.*.nupkg").Single())["boxer.".Length..^".nupkg".Length];
        _reference = new(() => BuildReference("reference.tar"));
        _zlibNgReference = new(() => BuildReference("reference-zlib-ng.tar", "--codec", "zlib-ng"));
    }

    public string Version { get; }

    public string ToolFeed => Path.Combine(_out, "tool");

    public string Archive(string arch) => Path.Combine(_out, $"boxer-{Version}-linux-{arch}.tar.gz");

    /// <summary>The folder name inside an archive, which holds the executable.</summary>
    public string ArchiveFolder(string arch) => $"boxer-{Version}-linux-{arch}";

    public static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    /// <summary>The demo's Docker archive as <c>./boxer docker --out</c> writes it (default recipe, <see cref="Epoch"/>).</summary>
    public string ReferenceImage => _reference.Value;

    /// <summary>
    /// The same with the layer gzipped by .NET's zlib-ng (<c>--codec zlib-ng</c>): what a boxer writes on a system
    /// without libdeflate, where the default library would differ and so would the bytes.
    /// </summary>
    public string ReferenceImageZlibNg => _zlibNgReference.Value;

    /// <summary>Extracts an archive into <paramref name="into"/>; returns the path of its executable.</summary>
    public string Extract(string arch, string into)
    {
        ExternalTool.RunChecked("tar", "-xzf", Archive(arch), "-C", into);
        return Path.Combine(into, ArchiveFolder(arch), "boxer");
    }

    public void Dispose() => _dir.Dispose();

    private string BuildReference(string name, params string[] extra)
    {
        using var home = new TempDir("boxer-ship-home-");
        string image = Path.Combine(_dir.Path, name);
        File.Delete(image);
        ExternalTool.Run(
            "bash",
            [Path.Combine(RepoPaths.Root, "boxer"), "docker", "--stage", DemoStage, "--out", image, "--quiet", .. extra],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(15), Environment = IsolatedEnvironment(home.Path) }).EnsureSuccess();
        return image;
    }

    /// <summary>A fresh HOME and cache, no user plugins or recipes, the fixed epoch.</summary>
    public static Dictionary<string, string?> IsolatedEnvironment(string home) => new()
    {
        ["HOME"] = home,
        ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
        ["XDG_CONFIG_HOME"] = null,
        ["BOXER_PLUGIN_PATH"] = null,
        ["DOTNET_CLI_HOME"] = null,
        ["NUGET_PACKAGES"] = null,
        ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = null,
        ["SOURCE_DATE_EPOCH"] = $"{Epoch}",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };
}
