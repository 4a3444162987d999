using Boxer.Abstractions;

namespace ThrowingTarget;

/// <summary>A target whose constructor fails, as a plugin missing its configuration might.</summary>
public sealed class ThrowingTarget : ITarget
{
    public ThrowingTarget() => throw new InvalidOperationException("the throwing target refuses to start");

    public string Name => "throwing";

    public string Summary => "Never loads";

    public IReadOnlyList<TargetOption> Options => [];

    public void Prepare(TargetPrepareContext context)
    {
    }

    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Artifact>>([]);
}
