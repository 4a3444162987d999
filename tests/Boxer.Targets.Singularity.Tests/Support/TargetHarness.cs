using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Targets.Singularity.Tests.Support;

/// <summary>A small stage3-like tree run through the target's Prepare, and build contexts for it.</summary>
public sealed class TargetHarness : IDisposable
{
    public static readonly byte[] Capability = [0x01, 0x00, 0x00, 0x02, 0x80, 0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    public TargetHarness(int randomBytes = 300_000)
    {
        Tree = new RootFs { NewEntryTime = new UnixTime(1_700_000_000) };
        Tree.CreateDirectory("bin");
        Tree.WriteAllBytes("bin/busybox", Random(randomBytes), 0b111_101_101);
        Tree.CreateSymlink("bin/sh", "busybox");
        Tree.WriteAllText("bin/ping", "ping\n", 0b100_111_101_101);
        Tree.SetXattr("bin/ping", "security.capability", Capability);
        Tree.CreateHardLink("bin/ping6", "bin/ping");
        Tree.CreateDirectory("sbin");
        Tree.CreateSymlink("sbin/init", "../bin/busybox");
        Tree.CreateNode("dev/null", EntryKind.CharDevice, 0b110_110_110, 1, 3);
        Tree.CreateNode("dev/initctl", EntryKind.Fifo, 0b110_000_000);
        Tree.WriteAllText("etc/hosts", "127.0.0.1 original\n");
        Tree.CreateDirectory("home/portage");
        Tree.SetOwner("home/portage", 250, 250);
        Image = new ImageConfig { Architecture = CpuArchitecture.Amd64 };
        Image.Env["LANG"] = "C.UTF-8";
        new SingularityTarget().Prepare(new TargetPrepareContext
        {
            RootFs = Tree,
            Image = Image,
            Stage = Stage,
            Options = TargetOptionValues.Empty,
        });
    }

    public RootFs Tree { get; }

    public ImageConfig Image { get; }

    public List<BuildEvent> Events { get; } = [];

    public static StageInfo Stage { get; } = new()
    {
        SourcePath = "/srv/stage3-amd64-openrc-20261124.tar.xz",
        SourceSha256 = new string('a', 64),
        Compression = "xz",
        Architecture = CpuArchitecture.Amd64,
        InitSystem = InitSystem.OpenRC,
    };

    public TargetBuildContext Context(string directory, Dictionary<string, string> options, UnixTime? epoch = null) => new()
    {
        RootFs = Tree.AsReadOnly(),
        Image = Image.AsReadOnly(),
        Stage = Stage,
        Options = new TargetOptionValues(options),
        SourceDateEpoch = epoch,
        BoxerVersion = "1.0.0-test",
        WorkingDirectory = directory,
        Progress = new SyncProgress(Events),
    };

    public void Dispose() => Tree.Dispose();

    private static byte[] Random(int n)
    {
        var bytes = new byte[n];
        new Random(5).NextBytes(bytes);
        return bytes;
    }

    private sealed class SyncProgress(List<BuildEvent> events) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value)
        {
            lock (events)
            {
                events.Add(value);
            }
        }
    }
}
