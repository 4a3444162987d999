using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Import;

public sealed class HostileInputSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-hostile-");
    private readonly TempDir _spool = new("boxer-spool-");
    private readonly ImportHarness _harness = new();

    public void Dispose()
    {
        _dir.Dispose();
        _spool.Dispose();
        _harness.Dispose();
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var error = await Refused([]);
        Assert.Equal("the file is empty (offset 0)", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_no_archive_is_refused()
    {
        var error = await Refused(Encoding.ASCII.GetBytes("#!/bin/sh\necho this is a script, not a stage3\n"));
        Assert.StartsWith("not a tar archive and not a known compression (xz, gzip, bzip2, zstd, lzip); it starts with 2321", error.Message);
    }

    [Fact]
    public async Task A_truncated_archive_names_the_entry_being_read()
    {
        var tar = new TarBuilder().Entry("etc/", '5').Entry("etc/big", data: new byte[5000]).End().ToArray();
        var error = await Refused(tar[..3000]);
        Assert.Equal("truncated archive: it ends inside this entry's data (entry 'etc/big', offset 512)", error.Message);
    }

    [Fact]
    public async Task An_archive_cut_inside_a_header_or_without_its_end_blocks_is_truncated()
    {
        var tar = new TarBuilder().Entry("a").Entry("b").End().ToArray();
        Assert.Equal("truncated archive: it ends inside a header block (offset 512)", (await Refused(tar[..700])).Message);
        Assert.Equal("truncated archive: it ends without the end-of-archive blocks (offset 1024)", (await Refused(tar[..1024])).Message);
    }

    [Fact]
    public async Task A_bad_checksum_is_refused_with_the_entry_and_offset()
    {
        var tar = new TarBuilder().Entry("etc/", '5').Entry("etc/passwd", data: "root:x:0:0\n"u8.ToArray()).End().ToArray();
        tar[512 + 1] ^= 0x01;
        var error = await Refused(tar);
        Assert.Equal("bad header checksum (entry 'euc/passwd', offset 512)", error.Message);
    }

    [Fact]
    public async Task A_compressed_file_holding_no_tar_is_not_an_archive()
    {
        var gz = Compressed("gzip", Encoding.ASCII.GetBytes(new string('x', 2000)));
        var error = await Refused(gz, native: false);
        Assert.Equal("not a tar archive: the first header's checksum does not match (offset 0)", error.Message);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("usr/../../etc/passwd")]
    [InlineData("/../root/.ssh/authorized_keys")]
    public async Task A_path_escaping_the_root_is_refused(string name)
    {
        var tar = new TarBuilder().Entry("ok", data: [1]).Entry(name, data: [1]).End().ToArray();
        var error = await Refused(tar);
        Assert.Equal($"path escapes the root with '..' (entry '{name}', offset 1024)", error.Message);
    }

    [Fact]
    public async Task A_hard_link_escaping_the_root_is_refused()
    {
        var tar = new TarBuilder().Entry("passwd", '1', link: "../../etc/shadow").End().ToArray();
        Assert.Equal("hard link target escapes the root with '..' (entry 'passwd', offset 0)", (await Refused(tar)).Message);
    }

    [Fact]
    public async Task A_hard_link_to_a_missing_entry_is_refused()
    {
        var tar = new TarBuilder().Entry("bin/", '5').Entry("bin/gunzip", '1', link: "bin/gzip").End().ToArray();
        var error = await Refused(tar);
        Assert.Equal("hard link to missing entry 'bin/gzip' (entry 'bin/gunzip', offset 512)", error.Message);
    }

    [Fact]
    public async Task Absolute_and_dot_paths_name_the_same_entry_and_the_later_one_wins()
    {
        var tar = new TarBuilder()
            .Entry("/etc/hosts", data: "first"u8.ToArray())
            .Entry("./etc/hosts", data: "second"u8.ToArray())
            .Entry("etc//hosts", data: "third"u8.ToArray())
            .End().ToArray();
        using var stage = await Imported(tar);
        Assert.Equal(["", "etc", "etc/hosts"], stage.RootFs.Entries.Select(e => e.Path));
        Assert.Equal("third", stage.RootFs.ReadAllText("etc/hosts"));
        Assert.Equal(5, stage.RootFs.ContentSize);
    }

    [Fact]
    public async Task A_later_entry_replaces_an_earlier_one_of_another_kind()
    {
        var tar = new TarBuilder()
            .Entry("x/", '5').Entry("x/inner", data: [1, 2])
            .Entry("x", '2', link: "elsewhere")
            .Entry("d/", '5').Entry("d/keep", data: [3]).Entry("d/", '5', tweak: h => h[100 + 5] = (byte)'0')
            .End().ToArray();
        using var stage = await Imported(tar);
        Assert.Equal((EntryKind.Symlink, "elsewhere"), (stage.RootFs.Get("x").Kind, stage.RootFs.Get("x").LinkTarget));
        Assert.False(stage.RootFs.Exists("x/inner"));
        Assert.True(stage.RootFs.Exists("d/keep"));
        Assert.Equal(0b111_000_101, stage.RootFs.Get("d").Mode);
    }

    [Fact]
    public async Task Directories_the_archive_only_implies_get_the_given_time_and_root_ownership()
    {
        File.WriteAllBytes(_dir.Combine("input"), new TarBuilder().Entry("usr/share/doc/x", data: [1]).End().ToArray());
        using var stage = await StageImporter.ImportAsync(_dir.Combine("input"),
            new ImportOptions { SpoolDirectory = _spool.Path, NewEntryTime = new UnixTime(1_600_000_000) });
        var implied = stage.RootFs.Get("usr/share");
        Assert.Equal((EntryKind.Directory, 0b111_101_101, 0, 0, new UnixTime(1_600_000_000)),
            (implied.Kind, implied.Mode, implied.Uid, implied.Gid, implied.ModifiedTime));
        Assert.Equal(new UnixTime(1_600_000_000), stage.RootFs.Get("").ModifiedTime);
    }

    [Fact]
    public async Task A_symlink_loop_is_just_data()
    {
        var tar = new TarBuilder().Entry("a", '2', link: "b").Entry("b", '2', link: "a").End().ToArray();
        using var stage = await Imported(tar);
        Assert.Equal("b", stage.RootFs.Get("a").LinkTarget);
        Assert.Equal(CpuArchitecture.Unknown, stage.Stage.Architecture);
        Assert.Equal(InitSystem.Unknown, stage.Stage.InitSystem);
    }

    [Fact]
    public async Task A_gnu_sparse_entry_is_refused_by_name()
    {
        var typeS = new TarBuilder().Entry("var/sparse", 'S').End().ToArray();
        Assert.Equal("GNU sparse entries are not supported; re-create the archive without --sparse (entry 'var/sparse', offset 0)",
            (await Refused(typeS)).Message);
        var pax = new TarBuilder().Pax('x', ("GNU.sparse.major", "1"u8.ToArray())).Entry("var/sparse2", data: [0]).End().ToArray();
        Assert.StartsWith("GNU sparse entries are not supported", (await Refused(pax)).Message);
    }

    [Fact]
    public async Task A_name_that_is_not_utf8_is_refused()
    {
        var tar = new TarBuilder().RawName([(byte)'b', 0xFF, 0xFE, (byte)'d']).End().ToArray();
        var error = await Refused(tar);
        Assert.StartsWith("the entry's name is not valid UTF-8 (entry 'b", error.Message);
        Assert.EndsWith("d', offset 0)", error.Message);
    }

    [Fact]
    public async Task Base256_sizes_and_ids_are_read()
    {
        var tar = new TarBuilder().Entry("big-ids", data: [9, 8, 7], tweak: h =>
        {
            TarBuilder.Base256(h, 108, 8, 2_000_000_000);
            TarBuilder.Base256(h, 116, 8, 65534);
            TarBuilder.Base256(h, 124, 12, 3);
        }).End().ToArray();
        using var stage = await Imported(tar);
        var entry = stage.RootFs.Get("big-ids");
        Assert.Equal((2_000_000_000, 65534, 3L), (entry.Uid, entry.Gid, entry.Size));
        Assert.Equal([9, 8, 7], stage.RootFs.ReadAllBytes("big-ids"));
    }

    [Fact]
    public async Task Pax_records_override_the_header_with_raw_xattr_bytes()
    {
        byte[] capability = [0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x0a, 0x80, 0x00, 0x00];
        var tar = new TarBuilder()
            .Pax('g', ("uname", "portage"u8.ToArray()))
            .Pax('x', ("path", Encoding.UTF8.GetBytes("usr/bin/" + new string('n', 150))), ("mtime", "1700000000.5"u8.ToArray()),
                ("uid", "250"u8.ToArray()), ("SCHILY.xattr.security.capability", capability),
                ("LIBARCHIVE.xattr.user.b64%20name", "AAEC"u8.ToArray()))
            .Entry("short", data: [1])
            .Pax('x', ("mtime", "-1.25"u8.ToArray()))
            .Entry("old", data: [])
            .End().ToArray();
        using var stage = await Imported(tar);
        var entry = stage.RootFs.Get("usr/bin/" + new string('n', 150));
        Assert.Equal(new UnixTime(1_700_000_000, 500_000_000), entry.ModifiedTime);
        Assert.Equal((250, "portage"), (entry.Uid, entry.UserName));
        Assert.Equal(capability, entry.Xattrs["security.capability"].ToArray());
        Assert.Equal([0, 1, 2], entry.Xattrs["user.b64 name"].ToArray());
        Assert.Equal(new UnixTime(-2, 750_000_000), stage.RootFs.Get("old").ModifiedTime);
        Assert.Equal("portage", stage.RootFs.Get("old").UserName);
    }

    [Fact]
    public async Task A_malformed_pax_record_is_refused()
    {
        var tar = new TarBuilder().Entry("./PaxHeaders/x", 'x', "99 path=x\n"u8.ToArray()).Entry("a").End().ToArray();
        Assert.Equal("malformed PAX record (entry './PaxHeaders/x', offset 0)", (await Refused(tar)).Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_corrupt_xz_stream_is_reported_as_such(bool native)
    {
        var xz = Compressed("xz", new TarBuilder().Entry("a", data: RandomBytes(200_000)).End().ToArray());
        xz[xz.Length / 2] ^= 0xFF;
        var error = await Refused(xz, native);
        Assert.Matches(native ? "^xz -dc failed \\(exit 1\\): xz: \\(stdin\\): Compressed data is corrupt" : "^the xz data is corrupt or truncated near compressed byte \\d+: ", error.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_truncated_xz_stream_is_reported_as_such(bool native)
    {
        var xz = Compressed("xz", new TarBuilder().Entry("a", data: RandomBytes(200_000)).End().ToArray());
        var error = await Refused(xz[..(xz.Length - 100)], native);
        Assert.Matches(native ? "^xz -dc failed \\(exit 1\\): xz: \\(stdin\\): Unexpected end of input" : "^the xz data is corrupt or truncated", error.Message);
    }

    [Fact]
    public async Task A_cancelled_import_leaves_no_descriptor_to_the_spool_open()
    {
        var xz = Compressed("xz", new TarBuilder().Entry("a", data: RandomBytes(2_000_000)).End().ToArray());
        File.WriteAllBytes(_dir.Combine("input"), xz);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _harness.ImportFile(_dir.Combine("input"), cancellationToken: cancel.Token));
        Assert.Empty(_harness.OpenSpoolDescriptors());
    }

    [Fact]
    public async Task A_hard_link_to_a_symlink_becomes_a_copy_of_it()
    {
        var tar = new TarBuilder().Entry("sh", '2', link: "busybox").Entry("ash", '1', link: "sh").End().ToArray();
        using var stage = await Imported(tar);
        Assert.Equal((EntryKind.Symlink, "busybox"), (stage.RootFs.Get("ash").Kind, stage.RootFs.Get("ash").LinkTarget));
    }

    // Also checks that no descriptor to the (unlinked) spool file is left open.
    private Task<StageException> Refused(byte[] input, bool native = true) => _harness.Refused(input, native);

    private Task<ImportedStage> Imported(byte[] input) => _harness.Import(input);

    private byte[] Compressed(string tool, byte[] data) => _harness.Compressed(tool, data);

    private static byte[] RandomBytes(int n)
    {
        var bytes = new byte[n];
        new Random(1).NextBytes(bytes);
        return bytes;
    }
}
