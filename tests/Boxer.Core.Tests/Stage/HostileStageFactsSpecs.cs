using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Stage;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Stage;

/// <summary>The stage-fact readers take their lengths and offsets from the stage's own files: none may crash them.</summary>
public class HostileStageFactsSpecs
{
    private static readonly StageSource Source = new("/tmp/stage3.tar.xz", "00", "xz");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(11)]
    [InlineData(13)]
    [InlineData(20)]
    public void An_arm_attributes_section_cut_short_leaves_the_variant_unknown(int sectionLength)
    {
        using var tree = new RootFs();
        tree.WriteAllBytes("bin/busybox", ElfImages.Arm(7, sectionLength), 0b111_101_101);
        tree.CreateSymlink("bin/sh", "busybox");
        var facts = StageDetector.Detect(tree, Source);
        Assert.Equal(new CpuArchitecture("arm"), facts.Architecture);
    }

    [Fact]
    public void A_section_table_past_the_end_of_the_file_leaves_the_variant_unknown()
    {
        var elf = ElfImages.Arm(7);
        elf.AsSpan(0x20, 4).Fill(0xFF);
        using var tree = new RootFs();
        tree.WriteAllBytes("bin/sh", elf, 0b111_101_101);
        Assert.Equal(new CpuArchitecture("arm"), StageDetector.Detect(tree, Source).Architecture);
    }

    [Fact]
    public void Only_the_head_of_a_huge_os_release_is_read()
    {
        using var tree = new RootFs();
        var text = new StringBuilder("ID=gentoo\n");
        text.Append('#', StageDetector.MaxOsReleaseBytes).Append("\nNAME=beyond\n");
        tree.WriteAllText("etc/os-release", text.ToString());
        var release = StageDetector.Detect(tree, Source).OsRelease;
        Assert.Equal("gentoo", release["ID"]);
        Assert.False(release.ContainsKey("NAME"));
    }

    [Fact]
    public void A_symlink_with_a_nul_in_its_target_resolves_to_nothing()
    {
        using var tree = new RootFs();
        tree.WriteAllBytes("bin/busybox", ElfImages.Header(62, is64: true), 0b111_101_101);
        tree.CreateSymlink("bin/sh", "busy\0box");
        Assert.Null(TreeSymlinkResolver.Resolve(tree, "bin/sh"));
    }
}
