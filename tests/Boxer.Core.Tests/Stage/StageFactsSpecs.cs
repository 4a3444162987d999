using Boxer.Abstractions;
using Boxer.Core.Stage;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Stage;

public class StageFactsSpecs
{
    private static readonly StageSource Source = new("/tmp/stage3.tar.xz", "00", "xz");

    [Theory]
    [InlineData(62, true, false, "amd64")]
    [InlineData(3, false, false, "386")]
    [InlineData(183, true, false, "arm64")]
    [InlineData(21, true, false, "ppc64le")]
    [InlineData(21, true, true, "ppc64")]
    [InlineData(243, true, false, "riscv64")]
    [InlineData(22, true, true, "s390x")]
    [InlineData(258, true, false, "loong64")]
    [InlineData(8, false, false, "mipsle")]
    public void The_architecture_is_read_from_the_elf_header_of_bin_sh(int machine, bool is64, bool big, string expected)
    {
        using var tree = new RootFs();
        tree.WriteAllBytes("bin/bash", ElfImages.Header((ushort)machine, is64, big), 0b111_101_101);
        tree.CreateSymlink("bin/sh", "bash");
        var facts = StageDetector.Detect(tree, Source);
        Assert.Equal((new CpuArchitecture(expected), "bin/bash"), (facts.Architecture, facts.ArchitectureSource));
    }

    [Theory]
    [InlineData(4, "v5")]
    [InlineData(6, "v6")]
    [InlineData(10, "v7")]
    [InlineData(14, "v8")]
    public void A_32_bit_arm_stage_gets_its_variant_from_the_arm_attributes(byte cpuArch, string variant)
    {
        using var tree = new RootFs();
        tree.WriteAllBytes("bin/busybox", ElfImages.Arm(cpuArch), 0b111_101_101);
        tree.CreateHardLink("bin/sh", "bin/busybox");
        var facts = StageDetector.Detect(tree, Source);
        Assert.Equal(new CpuArchitecture("arm", variant), facts.Architecture);
    }

    [Fact]
    public void A_merged_usr_layout_is_followed_through_its_symlinks()
    {
        using var tree = new RootFs();
        tree.CreateSymlink("bin", "usr/bin");
        tree.WriteAllBytes("usr/bin/dash", ElfImages.Header(183, is64: true, type: 3), 0b111_101_101);
        tree.CreateSymlink("usr/bin/sh", "/bin/dash");
        Assert.Equal(("arm64", "usr/bin/dash"), (StageDetector.Detect(tree, Source).Architecture.Name, StageDetector.Detect(tree, Source).ArchitectureSource));
    }

    [Fact]
    public void Without_bin_sh_the_first_elf_executable_decides()
    {
        using var tree = new RootFs();
        tree.WriteAllText("a/script", "#!/bin/sh\necho not elf at all, but long enough\n", 0b111_101_101);
        tree.WriteAllBytes("b/data.bin", ElfImages.Header(62, is64: true));
        tree.WriteAllBytes("c/tool", ElfImages.Header(3, is64: false), 0b111_101_101);
        var facts = StageDetector.Detect(tree, Source);
        Assert.Equal(("386", "c/tool"), (facts.Architecture.Name, facts.ArchitectureSource));
    }

    [Fact]
    public void Systemd_is_detected_from_where_sbin_init_leads()
    {
        using var tree = new RootFs();
        tree.WriteAllText("lib/systemd/systemd", "elf");
        tree.CreateSymlink("sbin/init", "../lib/systemd/systemd");
        tree.WriteAllText("sbin/openrc", "installed but not pid 1");
        Assert.Equal(InitSystem.Systemd, StageDetector.Detect(tree, Source).InitSystem);
    }

    [Fact]
    public void OpenRC_is_detected_from_its_files()
    {
        using var tree = new RootFs();
        tree.CreateDirectory("etc/runlevels/default");
        tree.WriteAllText("etc/rc.conf", "");
        tree.WriteAllText("sbin/init", "sysvinit");
        tree.WriteAllText("lib/systemd/systemd", "leftover");
        Assert.Equal(InitSystem.OpenRC, StageDetector.Detect(tree, Source).InitSystem);
    }

    [Fact]
    public void A_lone_sbin_init_is_another_init_and_nothing_is_unknown()
    {
        using var tree = new RootFs();
        Assert.Equal(InitSystem.Unknown, StageDetector.Detect(tree, Source).InitSystem);
        tree.CreateSymlink("sbin/init", "/bin/busybox");
        Assert.Equal(InitSystem.Other, StageDetector.Detect(tree, Source).InitSystem);
    }

    [Fact]
    public void Os_release_is_read_through_its_symlink_with_quotes_and_escapes()
    {
        using var tree = new RootFs();
        tree.WriteAllText("usr/lib/os-release",
            "NAME='Funtoo Linux'\nVERSION=\"1.4 \\\"next\\\" \\\\ \\n\"\nID=funtoo\n\n# note\nBUG_REPORT_URL=https://bugs.example/\\$x\n");
        tree.CreateSymlink("etc/os-release", "../usr/lib/os-release");
        var facts = StageDetector.Detect(tree, Source);
        Assert.Equal("Funtoo Linux", facts.OsName);
        Assert.Equal("1.4 \"next\" \\ \\n", facts.OsVersion);
        Assert.Equal("https://bugs.example/$x", facts.OsRelease["BUG_REPORT_URL"]);
        Assert.Equal(4, facts.OsRelease.Count);
    }
}
