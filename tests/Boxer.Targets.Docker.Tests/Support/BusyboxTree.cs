using Boxer.Abstractions;
using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>
/// A tiny bootable tree: Debian's static busybox (package busybox-static) plus entries whose metadata
/// must survive into a container: setuid, owners, a hard-linked capability file, a user xattr.
/// </summary>
public static class BusyboxTree
{
    public const string Busybox = "/bin/busybox";

    public static MemoryRootFs Create(UnixTime? time = null)
    {
        Tool.Require("busybox");
        long size = new FileInfo(Busybox).Length;
        var tree = new MemoryRootFs(time)
            .Dir("bin")
            .BigFile("bin/busybox", size, () => File.OpenRead(Busybox))
            .Change("bin/busybox", e => e with { Mode = 0b111_101_101 })
            .File("bin/ping", "not really ping\n", mode: 0b100_111_101_101)
            .Xattr("bin/ping", "security.capability", SampleTrees.Capability)
            .HardLink("bin/ping2", "bin/ping")
            .Symlink("bin/sh", "busybox")
            .Dir("etc")
            .File("etc/hostname", "boxer\n")
            .File("etc/shadow", "root:*:1::::::\n", mode: 0b110_100_000, gid: 42)
            .File("etc/tagged", "x")
            .Xattr("etc/tagged", "user.comment", SampleTrees.AwkwardValue)
            .Dir("home/user", mode: 0b111_000_000, uid: 1000, gid: 1000)
            .Dir("tmp", mode: 0b001_111_111_111);
        return tree;
    }

    public static StageInfo Stage { get; } = new()
    {
        SourcePath = "/stages/stage3-amd64-busybox-20261124.tar.xz",
        SourceSha256 = new string('a', 64),
        Compression = "xz",
        Architecture = CpuArchitecture.Amd64,
        InitSystem = InitSystem.Other,
    };

    /// <summary>The image configuration the contexts carry; a spec that needs more edits a copy.</summary>
    public static ImageConfig DefaultImage() =>
        new() { Cmd = ["/bin/busybox", "sh"], Env = new(StringComparer.Ordinal) { ["PATH"] = "/bin" }, StopSignal = "SIGPWR" };

    /// <summary>A build context for <paramref name="tree"/> with the given option values.</summary>
    public static TargetBuildContext Context(
        IReadOnlyRootFs tree, IProgress<BuildEvent> progress, UnixTime? epoch, params (string Key, string Value)[] options) =>
        Context(tree, progress, epoch, DefaultImage(), options);

    /// <summary>A build context for <paramref name="tree"/> with the given image configuration and option values.</summary>
    public static TargetBuildContext Context(
        IReadOnlyRootFs tree, IProgress<BuildEvent> progress, UnixTime? epoch, ImageConfig image, params (string Key, string Value)[] options) => new()
        {
            RootFs = tree,
            Image = image.AsReadOnly(),
            Stage = Stage,
            Options = new TargetOptionValues(options.ToDictionary(o => o.Key, o => o.Value)),
            Recipe = new RecipeInfo("test.csx", new string('b', 64)),
            SourceDateEpoch = epoch,
            BoxerVersion = "1.0.0-test",
            Progress = progress,
        };
}
