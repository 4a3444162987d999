using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Pipeline;

/// <summary>Everything a build needs: what the CLI verbs and the TUI fill in and hand to <see cref="BuildPipeline"/>.</summary>
public sealed record BuildRequest
{
    /// <summary>The stage3 to import: a path, an http(s) URL or a <c>gentoo:</c> name.</summary>
    public required string StagePath { get; init; }

    /// <summary>
    /// Several stage3s of different platforms to build from, when more than one (<see cref="StagePath"/> is then
    /// the first): a target implementing <see cref="IMultiPlatformTarget"/> makes one output of all, any other
    /// one output per stage, its <c>out</c> option named <c>NAME-ARCH.EXT</c>. Empty: <see cref="StagePath"/> alone.
    /// </summary>
    public IReadOnlyList<string> StagePaths { get; init; } = [];

    /// <summary>Every stage3 to import: <see cref="StagePaths"/> when given, else <see cref="StagePath"/>.</summary>
    public IReadOnlyList<string> AllStagePaths => StagePaths.Count > 0 ? StagePaths : [StagePath];

    /// <summary>How <see cref="StagePath"/> is resolved and verified when it is a URL or a <c>gentoo:</c> name (and checked when a file); null for the documented defaults.</summary>
    public Sources.SourceOptions? Sources { get; init; }

    /// <summary>The targets to build from one import, in order.</summary>
    public required IReadOnlyList<TargetRequest> Targets { get; init; }

    /// <summary>What finalizes each target's tree (the recipe); by default nothing.</summary>
    public IFinalizer Finalizer { get; init; } = NoFinalizer.Instance;

    /// <summary>The time from <c>SOURCE_DATE_EPOCH</c>, when set: outputs are then reproducible.</summary>
    public UnixTime? SourceDateEpoch { get; init; }

    /// <summary>
    /// The bill of materials every target receives (<c>--sbom</c>), read from the imported tree before any
    /// recipe runs; SPDX by default, as every face builds the same images.
    /// </summary>
    public Sbom.SbomFormat Sbom { get; init; } = Boxer.Core.Sbom.SbomFormat.Spdx;

    /// <summary>The directory relative output paths are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The version of boxer running the build, for labels.</summary>
    public string BoxerVersion { get; init; } = "";

    /// <summary>How to import the stage3.</summary>
    public ImportOptions? Import { get; init; }

    /// <summary>
    /// Whether a target's failure (a <see cref="TargetException"/>, an I/O error) leaves the other targets to
    /// build: the failure is then listed in <see cref="BuildResult.Failures"/> instead of thrown, and the outputs
    /// the others wrote stay. Off by default: a one-target verb reports its failure as the exception it is.
    /// </summary>
    public bool IsolateTargetFailures { get; init; }

    /// <summary>Whether the user asked for detail (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }
}
