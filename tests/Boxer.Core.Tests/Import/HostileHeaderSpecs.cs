using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Tests.Stage;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// Headers a fuzzer found that crashed the reader or were refused for the wrong reason: each must be one
/// line naming the problem, the entry and the offset (a <see cref="Boxer.Core.Import.StageException"/>).
/// </summary>
public sealed class HostileHeaderSpecs : IDisposable
{
    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData('L', "././@LongLink")]
    [InlineData('K', "././@LongLink")]
    [InlineData('x', "./PaxHeaders/x")]
    [InlineData('g', "./PaxHeaders/g")]
    [InlineData('V', "volume label")]
    public async Task A_negative_base256_size_in_an_extension_header_is_refused(char type, string name)
    {
        var tar = new TarBuilder()
            .Entry(name, type, tweak: h => TarBuilder.Base256(h, 124, 12, -5))
            .Entry("etc/hosts", data: [1]).End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal($"negative size -5 (entry '{name}', offset 0)", error.Message);
    }

    [Fact]
    public async Task A_size_too_large_to_pad_is_refused_instead_of_wrapping_around()
    {
        var tar = new TarBuilder().Entry("huge/", '5', tweak: h => TarBuilder.Base256(h, 124, 12, long.MaxValue)).End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("truncated archive: it ends inside this entry's data (entry 'huge', offset 0)", error.Message);
    }

    [Theory]
    [InlineData("./")]
    [InlineData("/")]
    [InlineData("a/..")]
    [InlineData("./a/../.")]
    public async Task A_hard_link_named_as_the_root_is_refused(string name)
    {
        var tar = new TarBuilder().Entry("f", data: [1]).Entry(name, '1', link: "f").End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal($"a hard link cannot replace the root directory (entry '{name}', offset 1024)", error.Message);
    }

    [Fact]
    public async Task A_nul_in_a_pax_path_is_refused_as_a_nul_not_as_dot_dot()
    {
        var tar = new TarBuilder().Pax('x', ("path", "etc/pass\0wd"u8.ToArray())).Entry("short", data: [1]).End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("the path holds a NUL byte (entry 'etc/pass\\000wd', offset 1024)", error.Message);
    }

    [Fact]
    public async Task A_nul_in_the_pax_linkpath_of_bin_sh_is_refused_at_import_and_never_printed_raw()
    {
        var tar = new TarBuilder()
            .Entry("bin/", '5')
            .Entry("bin/busybox", data: ElfImages.Header(62, is64: true), tweak: h => h[100 + 4] = (byte)'7')
            .Pax('x', ("linkpath", "busy\0box"u8.ToArray()))
            .Entry("bin/sh", '2', link: "busybox")
            .End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("the symlink target holds a NUL byte: 'busy\\000box' (entry 'bin/sh', offset 2560)", error.Message);
    }

    [Fact]
    public async Task A_nul_in_a_pax_hard_link_target_is_refused_as_a_nul()
    {
        var tar = new TarBuilder()
            .Entry("f", data: [1])
            .Pax('x', ("linkpath", "f\0"u8.ToArray()))
            .Entry("g", '1', link: "f")
            .End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("the hard link target holds a NUL byte: 'f\\000' (entry 'g', offset 2048)", error.Message);
    }

    [Fact]
    public async Task A_control_character_in_an_entry_name_is_escaped_in_the_message()
    {
        var tar = new TarBuilder().Entry("../\u001b[2Jx\n", data: [1]).End().ToArray();
        var error = await _harness.Refused(tar);
        Assert.Equal("path escapes the root with '..' (entry '../\\033[2Jx\\n', offset 0)", error.Message);
        Assert.DoesNotContain(Encoding.UTF8.GetBytes(error.Message), b => b < 0x20);
    }

    [Fact]
    public async Task A_hard_link_replacing_the_directory_of_its_own_target_keeps_the_content_counted_once()
    {
        var tar = new TarBuilder().Entry("a/", '5').Entry("a/b", data: [1, 2, 3]).Entry("a", '1', link: "a/b").End().ToArray();
        using var stage = await _harness.Import(tar);
        Assert.Equal((EntryKind.File, 3L), (stage.RootFs.Get("a").Kind, stage.RootFs.ContentSize));
        Assert.Equal([1, 2, 3], stage.RootFs.ReadAllBytes("a"));
        Assert.False(stage.RootFs.Exists("a/b"));
    }
}
