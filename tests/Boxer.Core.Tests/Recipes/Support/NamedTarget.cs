using Boxer.Abstractions;

namespace Boxer.Core.Tests.Recipes.Support;

/// <summary>A target that only has a name: it prepares nothing and must never be asked to write.</summary>
internal sealed class NamedTarget(string name) : ITarget
{
    public string Name => name;

    public string Summary => "a name for recipes to branch on";

    public IReadOnlyList<TargetOption> Options => [];

    public void Prepare(TargetPrepareContext context)
    {
    }

    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("a plan must not write");
}
