using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Build;

/// <summary>
/// One multi-architecture build shared by <see cref="MultiArchSpecs"/> (imports are the slow part): the basic
/// fixture (amd64, busybox) and the arm64 fixture (debootstrap --foreign) as one image index, pushed to a local
/// registry, loaded into the engine (its amd64 image) and written with <c>--out</c>.
/// </summary>
public sealed class MultiArchBuild : IDisposable
{
    public MultiArchBuild()
    {
        Registry = new RegistryProcess();
        Tag = $"{Registry.Host}/boxer/multi:{Guid.NewGuid().ToString("N")[..8]}";
        Arm64Stage = Fixtures.Arm64();
        Run = BoxerHost.RunAsync(
            ["docker", "--stage", AmdStage, "--stage", Arm64Stage, "--recipe", "none", "--tag", Tag, "--push", "--insecure-registry",
             "--out", Directory.Combine("index.tar"), "--json"],
            new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = Epoch }).GetAwaiter().GetResult();
    }

    /// <summary>A reproducible build: a rebuild makes the same blobs, so a second push has nothing to upload.</summary>
    public const string Epoch = "1700000000";

    public static string AmdStage => Fixtures.Basic("xz");

    public string Arm64Stage { get; }

    public RegistryProcess Registry { get; }

    public TempDir Directory { get; } = new("boxer-multi-");

    public string Tag { get; }

    public string OutPath => Directory.Combine("index.tar");

    public ProcessResult Run { get; }

    public void Dispose()
    {
        ExternalTool.Run("docker", ["rmi", "-f", Tag]);
        Registry.Dispose();
        Directory.Dispose();
    }
}
