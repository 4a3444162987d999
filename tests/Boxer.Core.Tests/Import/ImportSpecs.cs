using System.Security.Cryptography;
using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Tests.Import;

public class ImportSpecs(StageArchives archives) : IClassFixture<StageArchives>
{
    public static TheoryData<string, bool, string> Inputs => new()
    {
        { "posix.tar", true, "none" },
        { "posix.tar.xz", true, "xz (native)" },
        { "posix.tar.xz", false, "xz (managed)" },
        { "posix.tar.gz", true, "gzip (native)" },
        { "posix.tar.gz", false, "gzip (managed)" },
        { "posix.tar.bz2", true, "bzip2 (native)" },
        { "posix.tar.bz2", false, "bzip2 (managed)" },
        { "posix.tar.zst", true, "zstd (native)" },
        { "posix.tar.zst", false, "zstd (managed)" },
        { "posix.tar.lz", true, "lzip (native)" },
        { "posix.tar.lz", false, "lzip (managed)" },
        { "concatenated.tar.xz", true, "xz (native)" },
        { "concatenated.tar.xz", false, "xz (managed)" },
        { "members.tar.gz", false, "gzip (managed)" },
        { "members.tar.lz", false, "lzip (managed)" },
        { "members.tar.bz2", false, "bzip2 (managed)" },
        { "frames.tar.zst", false, "zstd (managed)" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Every_compression_and_decoder_gives_the_same_tree(string file, bool native, string decoder)
    {
        using var spoolDir = archives.NewSpoolDir();
        using var plain = await Import("posix.tar", spoolDir.Path);
        using var stage = await Import(file, spoolDir.Path, native);

        Assert.Equal(decoder, stage.Decoder);
        Assert.Equal(TreeSnapshot.Of(plain.RootFs), TreeSnapshot.Of(stage.RootFs));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(archives[file]))), stage.Stage.SourceSha256);
        Assert.Empty(Directory.GetFileSystemEntries(spoolDir.Path));
    }

    [Fact]
    public async Task The_compression_is_sniffed_from_the_bytes_not_the_name()
    {
        using var spoolDir = archives.NewSpoolDir();
        var lying = archives["lying-name.tar.gz"];
        File.Copy(archives["posix.tar.zst"], lying, overwrite: true);
        using var stage = await Import("lying-name.tar.gz", spoolDir.Path);
        Assert.Equal(("zstd", "zstd (native)"), (stage.Stage.Compression, stage.Decoder));
    }

    [Fact]
    public async Task Metadata_survives_exactly()
    {
        using var spoolDir = archives.NewSpoolDir();
        using var stage = await Import("posix.tar.xz", spoolDir.Path);
        var tree = stage.RootFs;

        var ping = tree.Get("usr/bin/ping");
        Assert.Equal(0b100_111_101_101, ping.Mode);
        Assert.Equal(GetfattrBytes("security.capability", "usr/bin/ping"), ping.Xattrs["security.capability"].ToArray());
        Assert.Contains((byte)0x20, ping.Xattrs["security.capability"]);
        Assert.Equal([0x00, 0x80, 0xff, 0x0a, 0x00], tree.Get("usr/bin/gzip").Xattrs["user.binary"].ToArray());
        Assert.Equal((EntryKind.CharDevice, 1, 3), (tree.Get("dev/null").Kind, tree.Get("dev/null").DeviceMajor, tree.Get("dev/null").DeviceMinor));
        Assert.Equal((EntryKind.BlockDevice, 8, 0), (tree.Get("dev/sda").Kind, tree.Get("dev/sda").DeviceMajor, tree.Get("dev/sda").DeviceMinor));
        Assert.Equal(EntryKind.Fifo, tree.Get("dev/initctl").Kind);
        Assert.Equal((250, 250), (tree.Get("home/portage/owned").Uid, tree.Get("home/portage/owned").Gid));
        Assert.Equal((65534, 65534), (tree.Get("var/empty/nobody").Uid, tree.Get("var/empty/nobody").Gid));
        Assert.Equal(0b1_111_111_111, tree.Get("tmp").Mode);
        Assert.Empty(tree.Children("tmp"));
        Assert.Equal("long\n", tree.ReadAllText(StageDirectory.LongName));
        Assert.True(StageDirectory.LongName.Length >= 200);
        Assert.Equal("utf-8\n", tree.ReadAllText(StageDirectory.Utf8Name));
        Assert.Equal(new UnixTime(1577934245, 123456789), tree.Get("etc/rc.conf").ModifiedTime);
        Assert.Equal("/usr/share/zoneinfo/UTC", tree.Get("etc/localtime").LinkTarget);
        Assert.Equal("loop-a", tree.Get("etc/loop-b").LinkTarget);
        Assert.Equal(File.ReadAllBytes(Path.Combine(archives.StageDir, "usr/bin/big")), tree.ReadAllBytes("usr/bin/big"));
        Assert.Equal(0, tree.Get("usr/bin/empty").Size);
    }

    [Fact]
    public async Task A_hard_link_group_of_three_is_one_file_and_two_links()
    {
        using var spoolDir = archives.NewSpoolDir();
        using var stage = await Import("posix.tar", spoolDir.Path);
        var group = stage.RootFs.Entries.Where(e => e.Path is "usr/bin/gunzip" or "usr/bin/gzip" or "usr/bin/zcat").ToList();

        Assert.Equal([EntryKind.File, EntryKind.HardLink, EntryKind.HardLink], group.Select(e => e.Kind));
        Assert.All(group.Skip(1), e => Assert.Equal("usr/bin/gunzip", e.LinkTarget));
        Assert.All(group, e => Assert.Equal("gzip-binary\n", stage.RootFs.ReadAllText(e.Path)));
        Assert.All(group, e => Assert.True(e.Xattrs.ContainsKey("user.binary")));
    }

    [Fact]
    public async Task The_tree_agrees_with_find_on_the_source_directory()
    {
        using var spoolDir = archives.NewSpoolDir();
        using var stage = await Import("posix.tar", spoolDir.Path);
        var found = Tools.Run("find", [".", "-printf", "%y %m %U %G %s %l|%p\\n"], archives.StageDir)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|'))
            .ToDictionary(p => p[1] == "." ? "" : p[1][2..], p => p[0]);

        Assert.Equal(found.Keys.Order(StringComparer.Ordinal), stage.RootFs.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var entry in stage.RootFs.Entries)
        {
            var size = entry.Kind switch
            {
                EntryKind.File or EntryKind.HardLink => entry.Size,
                EntryKind.Symlink => System.Text.Encoding.UTF8.GetByteCount(entry.LinkTarget!),
                EntryKind.Directory => long.Parse(found[entry.Path].Split(' ')[4]),
                _ => 0,
            };
            var type = entry.Kind switch
            {
                EntryKind.File or EntryKind.HardLink => "f",
                EntryKind.Directory => "d",
                EntryKind.Symlink => "l",
                EntryKind.CharDevice => "c",
                EntryKind.BlockDevice => "b",
                _ => "p",
            };
            var expected = $"{type} {Convert.ToString(entry.Mode, 8)} {entry.Uid} {entry.Gid} {size} {(entry.Kind == EntryKind.Symlink ? entry.LinkTarget : "")}";
            Assert.Equal(found[entry.Path], expected);
        }
    }

    [Fact]
    public async Task The_gnu_format_reads_like_the_posix_one()
    {
        using var spoolDir = archives.NewSpoolDir();
        using var posix = await Import("posix.tar", spoolDir.Path);
        using var gnu = await Import("gnu.tar", spoolDir.Path);
        static string Shape(FsEntry e) => $"{e.Kind} {e.Mode} {e.Uid}/{e.Gid} {e.Size} {e.Path} {e.LinkTarget} {e.DeviceMajor},{e.DeviceMinor} {e.ModifiedTime.Seconds}";
        Assert.Equal(posix.RootFs.Entries.Select(Shape), gnu.RootFs.Entries.Select(Shape));
        Assert.Equal("long\n", gnu.RootFs.ReadAllText(StageDirectory.LongName));
    }

    [Fact]
    public async Task The_stage_facts_come_from_the_tree()
    {
        using var spoolDir = archives.NewSpoolDir();
        using var stage = await Import("posix.tar.gz", spoolDir.Path);
        var facts = stage.Stage;

        Assert.Equal(("amd64", "bin/busybox"), (facts.Architecture.Name, facts.ArchitectureSource));
        Assert.Equal(InitSystem.OpenRC, facts.InitSystem);
        Assert.Equal("Gentoo \"Test\" Linux", facts.OsName);
        Assert.Equal("2.17", facts.OsVersion);
        Assert.Equal("Gentoo $X", facts.OsRelease["PRETTY_NAME"]);
        Assert.Equal(("gzip", "posix.tar.gz"), (facts.Compression, facts.SourceName));
    }

    [Fact]
    public async Task The_import_reports_its_phase_and_decoder()
    {
        using var spoolDir = archives.NewSpoolDir();
        var events = new List<BuildEvent>();
        var progress = new SynchronousProgress(events);
        using var stage = await StageImporter.ImportAsync(archives["posix.tar.xz"], new ImportOptions { SpoolDirectory = spoolDir.Path }, progress);

        long size = new FileInfo(archives["posix.tar.xz"]).Length;
        Assert.Equal(new PhaseStarted("import", size) with { Time = events[0].Time }, events[0]);
        Assert.Contains(events, e => e is LogMessage { Level: BuildLogLevel.Debug, Message: "decoded with xz (native)" });
        Assert.Contains(events, e => e is PhaseProgress { DoneBytes: var d } && d == size);
        Assert.IsType<PhaseCompleted>(events[^1]);
    }

    private async Task<ImportedStage> Import(string file, string spoolDir, bool native = true) =>
        await StageImporter.ImportAsync(archives[file], new ImportOptions { SpoolDirectory = spoolDir, PreferNativeTools = native });

    private byte[] GetfattrBytes(string name, string path)
    {
        var text = Tools.Run("getfattr", ["--absolute-names", "-e", "hex", "-n", name, Path.Combine(archives.StageDir, path)]);
        var line = text.Split('\n').Single(l => l.StartsWith(name + "=0x", StringComparison.Ordinal));
        return Convert.FromHexString(line[(name.Length + 3)..]);
    }

    private sealed class SynchronousProgress(List<BuildEvent> events) : IProgress<BuildEvent>
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
