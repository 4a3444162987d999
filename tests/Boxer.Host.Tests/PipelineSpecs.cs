using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes.Plan;
using Boxer.Core.Tree;
using Boxer.Host.Tests.Support;

namespace Boxer.Host.Tests;

/// <summary>The build path shared by every face: option checks, one tree per target, Prepare, finalizer, build.</summary>
public sealed class PipelineSpecs
{
    private static readonly TargetOptionValues Labelled = new(new Dictionary<string, string> { ["label"] = "x" });

    private static ImportedStage Stage()
    {
        var tree = new RootFs();
        tree.WriteAllText("etc/hostname", "stage\n");
        var info = new StageInfo
        {
            SourcePath = "/stages/test.tar",
            SourceSha256 = "00",
            Compression = "none",
            Architecture = new CpuArchitecture("arm64", "v8"),
            InitSystem = InitSystem.OpenRC,
        };
        return new ImportedStage(tree, info, "none");
    }

    private static BuildRequest Request(params TargetRequest[] targets) =>
        new() { StagePath = "/nonexistent/stage3.tar.xz", Targets = targets };

    private static List<BuildEvent> Events(out IProgress<BuildEvent> progress)
    {
        var events = new List<BuildEvent>();
        progress = new SynchronousProgress(events.Add);
        return events;
    }

    [Fact]
    public async Task Options_are_checked_before_the_stage_is_read()
    {
        var target = new RecordingTarget("one");
        var request = Request(new TargetRequest(target, new TargetOptionValues(new Dictionary<string, string> { ["level"] = "high" })));

        var error = await Assert.ThrowsAsync<UsageException>(() => BuildPipeline.RunAsync(request, new SynchronousProgress(_ => { }), default));

        Assert.Equal("one: --level: 'high' is not a whole number; --label is required", error.Message);
        Assert.Empty(target.Calls);
    }

    [Fact]
    public async Task A_missing_stage_is_a_stage_error_naming_the_file()
    {
        var request = Request(new TargetRequest(new RecordingTarget("one"), Labelled));

        var error = await Assert.ThrowsAsync<StageException>(() => BuildPipeline.RunAsync(request, new SynchronousProgress(_ => { }), default));

        Assert.Equal("/nonexistent/stage3.tar.xz: no such file", error.Message);
    }

    [Fact]
    public async Task Each_target_builds_from_its_own_copy_of_the_imported_tree()
    {
        using var stage = Stage();
        var (one, two) = (new RecordingTarget("one"), new RecordingTarget("two"));

        var result = await BuildPipeline.RunAsync(
            Request(new TargetRequest(one, Labelled), new TargetRequest(two, Labelled)), stage, new SynchronousProgress(_ => { }), default);

        Assert.Contains("etc/prepared-by-one", one.SeenPaths);
        Assert.DoesNotContain("etc/prepared-by-two", one.SeenPaths);
        Assert.Contains("etc/prepared-by-two", two.SeenPaths);
        Assert.DoesNotContain("etc/prepared-by-one", two.SeenPaths);
        Assert.False(stage.RootFs.Exists("etc/prepared-by-one"));
        Assert.Equal(["/out/one", "/out/two"], result.Artifacts.Select(a => a.Location));
    }

    [Fact]
    public async Task A_target_builds_from_a_read_only_view_with_defaults_and_stage_facts_applied()
    {
        using var stage = Stage();
        var target = new RecordingTarget("one");

        await BuildPipeline.RunAsync(Request(new TargetRequest(target, Labelled)), stage, new SynchronousProgress(_ => { }), default);

        var built = Assert.IsType<TargetBuildContext>(target.Built);
        Assert.False(built.RootFs is IRootFs, "targets must not be able to edit the finalized tree");
        Assert.Equal("3", built.Options.GetString("level"));
        Assert.Equal(new CpuArchitecture("arm64", "v8"), built.Image.Architecture);
        Assert.Same(stage.Stage, built.Stage);
    }

    [Fact]
    public async Task The_finalizer_runs_between_prepare_and_build_and_phases_are_reported_in_order()
    {
        using var stage = Stage();
        var target = new RecordingTarget("one");
        var events = Events(out var progress);
        var request = Request(new TargetRequest(target, Labelled)) with
        {
            Finalizer = new RecordingFinalizer(new Dictionary<string, RecordingTarget> { ["one"] = target }),
        };

        await BuildPipeline.RunAsync(request, stage, progress, default);

        Assert.Equal(["prepare", "finalize(saw prepared: True)", "build"], target.Calls);
        Assert.Contains("etc/finalized", target.SeenPaths);
        Assert.Equal(["/sbin/init"], target.Built!.Image.Entrypoint);
        Assert.Equal(new RecipeInfo("recording.csx", "abc123"), target.Built.Recipe);
        Assert.Equal(
            // The SBOM is read once, before any target's prepare and recipe; "?" is its one log line (the package count).
            ["+sbom", "?", "-sbom", "+one:prepare", "-one:prepare", "+one:recipe", "-one:recipe"],
            events.Select(e => e switch { PhaseStarted s => "+" + s.Phase, PhaseCompleted c => "-" + c.Phase, _ => "?" }));
    }

    [Fact]
    public async Task Each_target_tree_is_released_after_its_build()
    {
        using var stage = Stage();
        var target = new RecordingTarget("one");

        await BuildPipeline.RunAsync(Request(new TargetRequest(target, Labelled)), stage, new SynchronousProgress(_ => { }), default);

        Assert.Throws<ObjectDisposedException>(() => target.Built!.RootFs.Get("etc/hostname"));
        Assert.True(stage.RootFs.Exists("etc/hostname"));
    }

    [Fact]
    public async Task SOURCE_DATE_EPOCH_stamps_what_the_build_adds_and_the_image()
    {
        using var stage = Stage();
        var target = new RecordingTarget("one");
        var request = Request(new TargetRequest(target, Labelled)) with { SourceDateEpoch = new UnixTime(1_700_000_000) };

        await BuildPipeline.RunAsync(request, stage, new SynchronousProgress(_ => { }), default);

        var built = target.Built!;
        Assert.Equal(new UnixTime(1_700_000_000), target.SeenEntries.Single(e => e.Path == "etc/prepared-by-one").ModifiedTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), built.Image.Created);
        Assert.Equal(new UnixTime(1_700_000_000), built.SourceDateEpoch);
    }

    [Fact]
    public async Task A_plan_takes_the_same_path_stops_before_the_write_and_needs_no_required_option()
    {
        using var stage = Stage();
        var target = new RecordingTarget("one");
        var events = Events(out var progress);
        var request = Request(new TargetRequest(target, TargetOptionValues.Empty)) with
        {
            Finalizer = new RecordingFinalizer(new Dictionary<string, RecordingTarget> { ["one"] = target }),
            SourceDateEpoch = new UnixTime(1_700_000_000),
        };

        var plan = Assert.Single(await RecipePlanPipeline.PlanAsync(request, stage, progress, default));

        Assert.Equal(["prepare", "finalize(saw prepared: True)"], target.Calls);
        Assert.Contains("etc/prepared-by-one", plan.Entries.Select(e => e.Path));
        Assert.Equal(["etc/finalized"], plan.Added.Select(a => a.Path));
        Assert.Equal(["/sbin/init"], plan.Image.Entrypoint);
        Assert.Equal(new CpuArchitecture("arm64", "v8"), plan.Image.Architecture);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), plan.Image.Created);
        Assert.Equal(
            // The SBOM is read once, before any target's prepare and recipe; "?" is its one log line (the package count).
            ["+sbom", "?", "-sbom", "+one:prepare", "-one:prepare", "+one:recipe", "-one:recipe"],
            events.Select(e => e switch { PhaseStarted s => "+" + s.Phase, PhaseCompleted c => "-" + c.Phase, _ => "?" }));
        var build = await Assert.ThrowsAsync<UsageException>(() => BuildPipeline.RunAsync(request, stage, progress, default));
        Assert.Equal("one: --label is required", build.Message);
    }
}
