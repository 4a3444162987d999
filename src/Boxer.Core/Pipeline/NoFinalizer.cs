using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>Applies nothing: the tree goes to the target as imported and prepared.</summary>
public sealed class NoFinalizer : IFinalizer
{
    public static NoFinalizer Instance { get; } = new();

    public RecipeInfo Recipe => RecipeInfo.None;

    public Task<FinalizeReport> FinalizeAsync(FinalizeContext context, CancellationToken cancellationToken) => Task.FromResult(FinalizeReport.Empty);
}
