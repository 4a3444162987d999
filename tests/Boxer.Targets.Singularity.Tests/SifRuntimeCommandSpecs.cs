using Boxer.Targets.Singularity.Testing;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The command lines <c>boxer test</c> runs when apptainer or singularity is on PATH. Neither runtime is packaged
/// for Debian 12, so this branch is checked by the exact lines it would run, not by running them.
/// </summary>
public sealed class SifRuntimeCommandSpecs
{
    [Fact]
    public void Apptainer_boots_the_sif_as_the_usage_hint_says_execs_into_the_instance_and_stops_it()
    {
        var commands = new SifRuntimeCommands("/usr/bin/apptainer", "/data/gentoo.sif", "boxer-test-0123abcd", Overlay: false, TimeSpan.FromSeconds(10));

        Assert.Equal("apptainer instance start --boot --writable-tmpfs /data/gentoo.sif boxer-test-0123abcd", commands.Show(commands.Start));
        Assert.Equal("apptainer exec instance://boxer-test-0123abcd rc-status --nocolor", commands.Show(commands.Exec(["rc-status", "--nocolor"])));
        Assert.Equal("apptainer instance stop --timeout 10 boxer-test-0123abcd", commands.Show(commands.Stop));
    }

    [Fact]
    public void An_embedded_overlay_is_booted_writable()
    {
        var commands = new SifRuntimeCommands("/opt/bin/singularity", "x.sif", "n", Overlay: true, TimeSpan.FromSeconds(10));

        Assert.Equal("singularity instance start --boot --writable x.sif n", commands.Show(commands.Start));
    }

    [Fact]
    public void Apptainer_is_preferred_to_singularity_and_neither_means_the_harness()
    {
        using var dir = new TempDir("boxer-sif-runtime-");
        string first = dir.Combine("a");
        string second = dir.Combine("b");
        Directory.CreateDirectory(first);
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(first, "singularity"), "");
        File.WriteAllText(Path.Combine(second, "apptainer"), "");

        Assert.Equal(Path.Combine(second, "apptainer"), SifRuntimeCommands.Find($"{first}:{second}"));
        Assert.Equal(Path.Combine(first, "singularity"), SifRuntimeCommands.Find(first));
        Assert.Null(SifRuntimeCommands.Find(dir.Path));
        Assert.Null(SifRuntimeCommands.Find(null));
    }

    [Fact]
    public void Only_a_sif_with_a_squashfs_primary_partition_is_taken()
    {
        using var dir = new TempDir("boxer-sif-runtime-");
        string text = dir.Combine("x.sif");
        File.WriteAllText(text, "not a sif");
        var target = new SingularityTarget();

        Assert.False(target.CanTest(new(text, IsFile: true)));
        Assert.False(target.CanTest(new("gentoo:latest", IsFile: false)));
        Assert.False(target.CanTest(new(Golden("empty.sif"), IsFile: true)));
        Assert.True(target.CanTest(new(Golden("busybox_amd64.sif"), IsFile: true)));
    }

    private static string Golden(string name) => Path.Combine(RepoPaths.Root, "tests", "Boxer.Targets.Singularity.Tests", "Golden", name);
}
