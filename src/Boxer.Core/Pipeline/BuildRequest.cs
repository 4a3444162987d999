using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Core.Pipeline;

/// <summary>Everything a build needs: what the CLI verbs and the TUI fill in and hand to <see cref="BuildPipeline"/>.</summary>
public sealed record BuildRequest
{
    /// <summary>The stage3 to import: a path, an http(s) URL or a <c>gentoo:</c> name.</summary>
    public required string StagePath { get; init; }

    /// <summary>How <see cref="StagePath"/> is resolved and verified when it is a URL or a <c>gentoo:</c> name (and checked when a file); null for the documented defaults.</summary>
    public Sources.SourceOptions? Sources { get; init; }

    /// <summary>The targets to build from one import, in order.</summary>
    public required IReadOnlyList<TargetRequest> Targets { get; init; }

    /// <summary>What finalizes each target's tree (the recipe); by default nothing.</summary>
    public IFinalizer Finalizer { get; init; } = NoFinalizer.Instance;

    /// <summary>The time from <c>SOURCE_DATE_EPOCH</c>, when set: outputs are then reproducible.</summary>
    public UnixTime? SourceDateEpoch { get; init; }

    /// <summary>The directory relative output paths are resolved against.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The version of boxer running the build, for labels.</summary>
    public string BoxerVersion { get; init; } = "";

    /// <summary>How to import the stage3.</summary>
    public ImportOptions? Import { get; init; }

    /// <summary>Whether the user asked for detail (<c>--verbose</c>).</summary>
    public bool Verbose { get; init; }
}
