using System.Text;
using Boxer.Core.Tests.Import;
using Boxer.Core.Tests.Stage;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// What a user sees for the hostile stage3s a fuzzing pass found: bad input exits 3 with one printable
/// line naming the entry and offset (never 1, never a stack trace); accepted oddities are escaped or warned.
/// </summary>
public sealed class HostileStageSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-hostile-cli-");

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string, string> Refusals => new()
    {
        { "negative-long-name-size", "negative size -5 (entry '././@LongLink', offset 0)" },
        { "hard-link-as-root", "a hard link cannot replace the root directory (entry 'a/..', offset 1024)" },
        { "nul-in-bin-sh-target", "the symlink target holds a NUL byte: 'busy\\000box' (entry 'bin/sh', offset 1536)" },
        { "empty-symlink-target", "the symlink has an empty target (entry 'bin/sh', offset 0)" },
        { "long-component", $"a path component is 256 bytes long; filesystems and squashfs hold at most 255 (entry '{new string('n', 256)}', offset 1024)" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_hostile_stage3_is_bad_input_on_one_printable_line(string kind, string expected)
    {
        var stage = Write(kind switch
        {
            "negative-long-name-size" => new TarBuilder().Entry("././@LongLink", 'L', tweak: h => TarBuilder.Base256(h, 124, 12, -5)),
            "hard-link-as-root" => new TarBuilder().Entry("f", data: [1]).Entry("a/..", '1', link: "f"),
            "nul-in-bin-sh-target" => new TarBuilder().Entry("bin/", '5').Pax('x', ("linkpath", "busy\0box"u8.ToArray())).Entry("bin/sh", '2', link: "x"),
            "empty-symlink-target" => new TarBuilder().Entry("bin/sh", '2', link: ""),
            _ => new TarBuilder().Pax('x', ("path", Encoding.ASCII.GetBytes(new string('n', 256)))).Entry("short"),
        });

        var result = await BoxerHost.RunAsync("inspect", stage, "--quiet");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal([$"boxer: {expected}"], result.StdErrLines);
        Assert.DoesNotContain(result.StdErr.TrimEnd('\n'), char.IsControl);
    }

    [Fact]
    public async Task An_arm_binary_with_a_cut_attributes_section_is_still_an_arm_stage()
    {
        var stage = Write(new TarBuilder().Entry("bin/", '5').Entry("bin/sh", data: ElfImages.Arm(10, sectionLength: 3)));

        var result = await BoxerHost.RunAsync("inspect", stage, "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdOutLines, l => l.StartsWith("architecture: arm (from /bin/sh)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Names_with_newlines_and_escape_sequences_are_listed_escaped()
    {
        var stage = Write(new TarBuilder()
            .Entry("x\n-rw-r--r-- 0/0 0 2023-11-14 22:13:20 ./forged", data: [1])
            .Entry("red\u001b[31m", '2', link: "t\u001b[0m"));

        var result = await BoxerHost.RunAsync("inspect", stage, "--list", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, result.StdOut.TrimEnd('\n').Split('\n').Length);
        Assert.DoesNotContain(result.StdOut.Replace("\n", "", StringComparison.Ordinal), char.IsControl);
        Assert.Contains(result.StdOutLines, l => l.EndsWith(" ./red\\033[31m -> t\\033[0m", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.EndsWith(" ./x\\n-rw-r--r-- 0/0 0 2023-11-14 22:13:20 ./forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropped_xattrs_and_data_after_the_archive_are_warned_about_on_stderr()
    {
        var tar = new TarBuilder().Pax('x', ("SCHILY.xattr.nonamespace", [1])).Entry("f", data: [1]).End().ToArray();
        var stage = _dir.Combine("stage.tar");
        await File.WriteAllBytesAsync(stage, [.. tar, .. "trailing"u8]);

        var result = await BoxerHost.RunAsync("inspect", stage);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.StdErrLines, l => l.EndsWith(
            " warning: import: dropped xattr 'nonamespace': Linux holds only user.*, trusted.*, security.* and system.* names (entry 'f', offset 1024)",
            StringComparison.Ordinal));
        Assert.Contains(result.StdErrLines, l => l.EndsWith(
            " warning: import: ignored the data after the end-of-archive marker: it is not all zeros (offset 3072)", StringComparison.Ordinal));
    }

    private string Write(TarBuilder tar)
    {
        var path = _dir.Combine("stage.tar");
        File.WriteAllBytes(path, tar.End().ToArray());
        return path;
    }
}
