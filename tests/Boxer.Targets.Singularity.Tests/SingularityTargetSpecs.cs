using Boxer.Abstractions;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;
using Boxer.Targets.Singularity.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>The sif target end to end: what siftool and squashfs readers see in the file it writes.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SingularityTargetSpecs : IDisposable
{
    private static readonly UnixTime Epoch = new(1_750_000_000);
    private readonly TempDir _dir = new("boxer-sif-");
    private readonly TargetHarness _harness = new();

    [Fact]
    public async Task Siftool_lists_a_deffile_the_inspect_metadata_and_an_amd64_squashfs_partition()
    {
        string sif = await BuildAsync("out.sif", Epoch);

        string list = ExternalTool.RunChecked("siftool", "list", sif).Stdout;
        string header = ExternalTool.RunChecked("siftool", "header", sif).Stdout;

        Assert.Contains("Def.FILE", list, StringComparison.Ordinal);
        Assert.Contains("JSON.Generic", list, StringComparison.Ordinal);
        Assert.Contains("FS (Squashfs/*System/amd64)", list, StringComparison.Ordinal);
        Assert.Contains("#!/usr/bin/env run-singularity", header, StringComparison.Ordinal);
        Assert.DoesNotContain("ID:", header, StringComparison.Ordinal); // siftool hides the nil UUID of a reproducible build
    }

    [Fact]
    public async Task The_dumped_partition_is_exactly_our_squashfs_image()
    {
        string sif = await BuildAsync("out.sif", Epoch);
        using var expected = new MemoryStream();
        var tree = _harness.Context(_dir.Path, [], Epoch).RootFs;

        await new SquashfsWriter(new SquashfsWriterOptions { SourceDateEpoch = Epoch }).WriteAsync(
            new ReplacedContentView(tree, FinalFiles()), expected);
        string dump = ExternalTool.RunChecked("sh", "-c", $"siftool dump 3 '{sif}' > '{_dir.Combine("part.sqfs")}'").Stdout;

        Assert.Empty(dump);
        Assert.Equal(expected.ToArray(), File.ReadAllBytes(_dir.Combine("part.sqfs")));
    }

    [Fact]
    public async Task The_partition_holds_the_singularity_set_the_tree_and_its_xattrs()
    {
        string sif = await BuildAsync("out.sif", Epoch);
        ExternalTool.RunChecked("sh", "-c", $"siftool dump 3 '{sif}' > '{_dir.Combine("part.sqfs")}'");

        var lines = ExternalTool.RunChecked("rdsquashfs", "-d", _dir.Combine("part.sqfs")).Stdout.Split('\n');
        string capability = ExternalTool.RunChecked("rdsquashfs", "-x", "/bin/ping", _dir.Combine("part.sqfs")).Stdout.Trim();

        string[] wanted =
        [
            "file .singularity.d/runscript 0755 0 0", "file .singularity.d/env/01-base.sh 0755 0 0",
            "file .singularity.d/env/90-environment.sh 0755 0 0", "file .singularity.d/env/99-base.sh 0755 0 0",
            "file .singularity.d/actions/shell 0755 0 0", "file .singularity.d/actions/exec 0755 0 0",
            "file .singularity.d/actions/run 0755 0 0", "file .singularity.d/startscript 0755 0 0",
            "dir .singularity.d/libs 0755 0 0", "slink singularity 0777 0 0 .singularity.d/runscript",
            "slink environment 0777 0 0 .singularity.d/env/90-environment.sh", "dir proc 0755 0 0", "dir tmp 01777 0 0",
            "file etc/resolv.conf 0644 0 0", "nod dev/null 0666 0 0 c 1 3", "dir home/portage 0755 250 250",
        ];
        Assert.All(wanted, w => Assert.Contains(w, lines));
        Assert.Equal("security.capability=0x" + Convert.ToHexStringLower(TargetHarness.Capability), capability);
    }

    [Fact]
    public async Task The_environment_and_metadata_carry_the_final_image_config()
    {
        _harness.Image.Env["EDITOR"] = "nano";
        string sif = await BuildAsync("out.sif", Epoch);
        using var file = File.OpenRead(sif);
        var image = SifReader.Read(file);
        using var reader = new SquashfsReader(file, image.PrimaryPartition!.Offset, leaveOpen: true);

        string environment = System.Text.Encoding.UTF8.GetString(reader.ReadContent(reader.Entries.Single(e => e.Entry.Path == ".singularity.d/env/90-environment.sh")));
        string inspect = System.Text.Encoding.UTF8.GetString(SifReader.ReadObject(file, image.Descriptors[1]));
        string deffile = System.Text.Encoding.UTF8.GetString(SifReader.ReadObject(file, image.Descriptors[0]));

        Assert.Contains("export EDITOR=\"nano\"\n", environment, StringComparison.Ordinal);
        Assert.Contains("export EDITOR=\\\"nano\\\"", inspect, StringComparison.Ordinal);
        Assert.Contains("\"org.label-schema.schema-version\":\"1.0\"", inspect, StringComparison.Ordinal);
        Assert.StartsWith("Bootstrap: scratch\n", deffile, StringComparison.Ordinal);
        Assert.Contains("stage3-amd64-openrc-20261124.tar.xz", deffile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_builds_with_source_date_epoch_are_byte_identical()
    {
        string first = await BuildAsync("a.sif", Epoch);
        string second = await BuildAsync("b.sif", Epoch);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task The_file_is_executable_and_reported_with_size_digest_and_usage()
    {
        string sif = await BuildAsync("out.sif", Epoch);

        var artifact = Assert.Single(_harness.Events.OfType<ArtifactProduced>()).Artifact;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(sif));
        Assert.Equal(new FileInfo(sif).Length, artifact.Size);
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(sif))), artifact.Digest);
        Assert.Equal($"singularity instance start --boot --writable-tmpfs {sif} out", Assert.Single(artifact.UsageHints));
        Assert.Contains(_harness.Events, e => e is PhaseStarted { Phase: "sif:write" });
        Assert.Contains(_harness.Events, e => e is PhaseCompleted { Phase: "sif:write" });
    }

    [Fact]
    public async Task The_default_name_is_the_stage3s_name_in_the_working_directory()
    {
        await new SingularityTarget().BuildAsync(_harness.Context(_dir.Path, [], Epoch), CancellationToken.None);

        Assert.True(File.Exists(_dir.Combine("stage3-amd64-openrc-20261124.sif")));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_forced()
    {
        File.WriteAllText(_dir.Combine("out.sif"), "precious");

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync("out.sif", Epoch));
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(_dir.Combine("out.sif")));

        await BuildAsync("out.sif", Epoch, force: true);
        Assert.NotEqual("precious", File.ReadAllText(_dir.Combine("out.sif")));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task An_architecture_sif_cannot_name_is_refused_in_one_line()
    {
        var context = _harness.Context(_dir.Path, new() { ["out"] = "x.sif" }, Epoch);
        var image = context.Image.Clone();
        image.Architecture = new CpuArchitecture("loong64");
        var odd = new TargetBuildContext
        {
            RootFs = context.RootFs,
            Image = image.AsReadOnly(),
            Stage = context.Stage,
            Options = context.Options,
            WorkingDirectory = _dir.Path,
        };

        var error = await Assert.ThrowsAsync<TargetException>(() => new SingularityTarget().BuildAsync(odd, CancellationToken.None));

        Assert.Equal("SIF has no architecture code for 'loong64'", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task A_cancelled_build_leaves_no_file()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new SingularityTarget().BuildAsync(_harness.Context(_dir.Path, new() { ["out"] = "out.sif" }, Epoch), cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    public void Dispose()
    {
        _harness.Dispose();
        _dir.Dispose();
    }

    private async Task<string> BuildAsync(string name, UnixTime? epoch, bool force = false)
    {
        var options = new Dictionary<string, string> { ["out"] = name };
        if (force)
        {
            options["force"] = "true";
        }
        var artifacts = await new SingularityTarget().BuildAsync(_harness.Context(_dir.Path, options, epoch), CancellationToken.None);
        return Assert.Single(artifacts).Location;
    }

    private Dictionary<string, byte[]> FinalFiles()
    {
        var context = _harness.Context(_dir.Path, [], Epoch);
        var metadata = new SifMetadata(context);
        return new()
        {
            [".singularity.d/env/90-environment.sh"] = System.Text.Encoding.UTF8.GetBytes(SingularityFiles.Environment(_harness.Image.Env)),
            [".singularity.d/labels.json"] = SifMetadata.LabelsJson(metadata.Labels()),
        };
    }
}
