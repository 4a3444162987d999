using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>
/// Finalizes each target's copy of the tree after <see cref="ITarget.Prepare"/> and before the target writes:
/// the place where a recipe runs. <see cref="NoFinalizer"/> leaves the tree as it is.
/// </summary>
public interface IFinalizer
{
    /// <summary>What is applied, for labels and provenance.</summary>
    RecipeInfo Recipe { get; }

    /// <summary>Edits the tree and the image configuration for one target.</summary>
    /// <param name="context">The target's tree, configuration and facts.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>What the plan reports besides the tree's changes.</returns>
    Task<FinalizeReport> FinalizeAsync(FinalizeContext context, CancellationToken cancellationToken);
}
