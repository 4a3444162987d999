using Boxer.Abstractions;
using Boxer.Targets.Singularity.Tests.Support;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>What Prepare adds to the tree, what it leaves alone, and option checks.</summary>
public sealed class SingularityPrepareSpecs : IDisposable
{
    private readonly TargetHarness _harness = new();

    [Fact]
    public void Prepare_adds_what_apptainer_checks_and_keeps_what_the_stage3_has()
    {
        var tree = _harness.Tree;

        Assert.Equal("127.0.0.1 original\n", tree.ReadAllText("etc/hosts"));
        Assert.Equal("", tree.ReadAllText("etc/resolv.conf"));
        Assert.Equal(".singularity.d/runscript", tree.Get("singularity").LinkTarget);
        Assert.Equal(".singularity.d/actions/shell", tree.Get(".shell").LinkTarget);
        Assert.Equal(0b1_111_111_111, tree.Get("var/tmp").Mode);
        Assert.Equal(0b111_000_000, tree.Get("root").Mode);
        Assert.All(new[] { "dev", "proc", "sys", "tmp", "home", ".singularity.d/libs" }, p => Assert.Equal(EntryKind.Directory, tree.Get(p).Kind));
        Assert.Contains("exec /bin/bash --login", tree.ReadAllText(".singularity.d/runscript"), StringComparison.Ordinal);
        Assert.Contains("export LANG=\"C.UTF-8\"", tree.ReadAllText(".singularity.d/env/90-environment.sh"), StringComparison.Ordinal);
        Assert.All(new[] { "exec", "run", "shell", "start", "test" }, a => Assert.Equal(0b111_101_101, tree.Get($".singularity.d/actions/{a}").Mode));
    }

    [Fact]
    public void Environment_values_are_quoted_for_the_shell()
    {
        string script = SingularityFiles.Environment(new Dictionary<string, string> { ["A"] = "x \"y\" $HOME `id` \\" });

        Assert.EndsWith("export A=\"x \\\"y\\\" \\$HOME \\`id\\` \\\\\"\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip", "10", "--level must be 1 to 9 for gzip")]
    [InlineData("zstd", "23", "--level must be 1 to 22 for zstd")]
    public void A_level_out_of_the_compressors_range_is_refused(string compression, string level, string problem)
    {
        var problems = new SingularityTarget().Validate(new TargetOptionValues(new Dictionary<string, string> { ["compression"] = compression, ["level"] = level }));

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void Prepare_records_the_compression_library_as_a_label_which_the_plan_and_the_sif_show() =>
        Assert.Equal("gzip:9:libdeflate", _harness.Image.Labels["io.boxer.compression"]);

    [Theory]
    [InlineData("gzip", "libzstd", "--codec libzstd writes zstd, not gzip")]
    [InlineData("zstd", "zlib-ng", "--codec zlib-ng writes gzip, not zstd")]
    public void A_codec_of_another_algorithm_is_refused(string compression, string codec, string problem)
    {
        var problems = new SingularityTarget().Validate(new TargetOptionValues(new Dictionary<string, string> { ["compression"] = compression, ["codec"] = codec }));

        Assert.Equal([problem], problems);
    }

    [Fact]
    public void A_signed_sif_with_an_embedded_overlay_is_refused_as_its_first_writable_boot_would_break_the_signature()
    {
        var problems = new SingularityTarget().Validate(new TargetOptionValues(new Dictionary<string, string> { ["sign-key"] = "key.asc", ["overlay-size"] = "64" }));

        Assert.Contains("--sign-key with --overlay-size", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stage3-amd64-openrc-20261124.tar.xz", "stage3-amd64-openrc-20261124.sif")]
    [InlineData("funtoo-stage3.tar.zst", "funtoo-stage3.sif")]
    [InlineData("rootfs.tgz", "rootfs.sif")]
    public void The_default_file_name_follows_the_stage3(string stage, string expected) =>
        Assert.Equal(expected, SingularityTarget.DefaultFileName(stage));

    public void Dispose() => _harness.Dispose();
}
