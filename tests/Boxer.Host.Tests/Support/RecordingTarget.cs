using Boxer.Abstractions;

namespace Boxer.Host.Tests.Support;

/// <summary>An in-process target that marks the tree in Prepare and records what BuildAsync was given.</summary>
public sealed class RecordingTarget(string name) : ITarget
{
    public string Name => name;

    public string Summary => $"records what the pipeline hands to {name}";

    public IReadOnlyList<TargetOption> Options { get; } =
    [
        new("level", TargetOptionKind.Integer, "a number") { Default = "3" },
        new("label", TargetOptionKind.Text, "a label") { Required = true },
    ];

    public List<string> Calls { get; } = [];

    public TargetBuildContext? Built { get; private set; }

    /// <summary>The entries BuildAsync saw (the tree itself is disposed once the build is over).</summary>
    public IReadOnlyList<FsEntry> SeenEntries { get; private set; } = [];

    public IEnumerable<string> SeenPaths => SeenEntries.Select(e => e.Path);

    public void Prepare(TargetPrepareContext context)
    {
        Calls.Add("prepare");
        context.RootFs.WriteAllText($"etc/prepared-by-{name}", name);
    }

    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken)
    {
        Calls.Add("build");
        Built = context;
        SeenEntries = [.. context.RootFs.Entries];
        return Task.FromResult<IReadOnlyList<Artifact>>([new Artifact(name, ArtifactKind.File, $"/out/{name}")]);
    }
}
