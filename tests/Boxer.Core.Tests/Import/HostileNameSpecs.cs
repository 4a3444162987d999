using System.Text;
using Boxer.Core.Listing;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// Names and links that were accepted but made output nothing could read: refused at import naming the
/// entry, or (xattrs no filesystem can hold) dropped with a warning instead of vanishing silently.
/// </summary>
public sealed class HostileNameSpecs : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task An_empty_symlink_target_is_refused()
    {
        var tar = new TarBuilder().Entry("bin/", '5').Entry("bin/sh", '2', link: "").End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("the symlink has an empty target (entry 'bin/sh', offset 512)", error.Message);
    }

    [Theory]
    [InlineData(256, 1)]
    [InlineData(128, 2)]
    [InlineData(86, 3)]
    public async Task A_path_component_over_255_bytes_is_refused(int characters, int bytesEach)
    {
        var longName = new string(bytesEach switch { 1 => 'n', 2 => 'é', _ => '日' }, characters);
        var tar = new TarBuilder()
            .Pax('x', ("path", Encoding.UTF8.GetBytes($"usr/{longName}/x")))
            .Entry("short", data: [1]).End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal(
            $"a path component is {characters * bytesEach} bytes long; filesystems and squashfs hold at most 255 (entry 'usr/{longName}/x', offset 1024)",
            error.Message);
    }

    [Fact]
    public async Task A_path_component_of_255_bytes_is_accepted()
    {
        var name = "usr/" + new string('n', 255);
        var tar = new TarBuilder().Pax('x', ("path", Encoding.UTF8.GetBytes(name))).Entry("short", data: [1]).End().ToArray();
        using var stage = await _harness.Import(tar);
        Assert.True(stage.RootFs.Exists(name));
    }

    [Fact]
    public async Task Xattrs_without_a_namespace_are_dropped_with_one_warning_per_entry()
    {
        byte[] value = [1];
        var tar = new TarBuilder()
            .Pax('x', ("SCHILY.xattr.", value), ("SCHILY.xattr.nonamespace", value), ("SCHILY.xattr.user.kept", value))
            .Entry("a", data: [1])
            .Pax('x', ("SCHILY.xattr.bogus.x\n", value), ("SCHILY.xattr.security.capability", value))
            .Entry("b", data: [1])
            .Pax('x', ("SCHILY.xattr.trusted.ok", value))
            .Entry("c", data: [1])
            .End().ToArray();
        using var stage = await _harness.Import(tar);
        Assert.Equal(["user.kept"], stage.RootFs.Get("a").Xattrs.Keys);
        Assert.Equal(["security.capability"], stage.RootFs.Get("b").Xattrs.Keys);
        Assert.Equal(["trusted.ok"], stage.RootFs.Get("c").Xattrs.Keys);
        Assert.Equal(
        [
            "dropped xattrs '', 'nonamespace': Linux holds only user.*, trusted.*, security.* and system.* names (entry 'a', offset 1024)",
            "dropped xattr 'bogus.x\\n': Linux holds only user.*, trusted.*, security.* and system.* names (entry 'b', offset 3072)",
        ], _harness.Warnings);
    }

    [Fact]
    public async Task A_name_with_a_newline_or_escape_sequence_is_listed_escaped_on_one_line()
    {
        var tar = new TarBuilder()
            .Entry("forged\n-rw-r--r-- 0/0 0 2023-11-14 22:13:20 ./etc/shadow", data: [1])
            .Entry("red\u001b[31m", '2', link: "t\nx\u001b")
            .End().ToArray();
        using var stage = await _harness.Import(tar);
        var lines = stage.RootFs.Entries.Select(EntryListing.FormatLine).ToList();
        Assert.Equal(lines.Count, string.Join('\n', lines).Split('\n').Length);
        Assert.All(lines, l => Assert.DoesNotContain(l, char.IsControl));
        Assert.Contains(lines, l => l.EndsWith(" ./forged\\n-rw-r--r-- 0/0 0 2023-11-14 22:13:20 ./etc/shadow", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(" ./red\\033[31m -> t\\nx\\033", StringComparison.Ordinal));
    }
}
