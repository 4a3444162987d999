using Boxer.Abstractions;
using Boxer.Core.Recipes.Helpers;

namespace Boxer.Core.Pipeline;

/// <summary>What an <see cref="IFinalizer"/> did besides editing the tree: what a plan shows next to the changes.</summary>
/// <param name="DroppedServices">Services removed from runlevels, with the reason each was dropped.</param>
/// <param name="Log">What the recipe logged (also reported as events while it ran).</param>
public sealed record FinalizeReport(IReadOnlyList<DroppedService> DroppedServices, IReadOnlyList<LogMessage> Log)
{
    /// <summary>Nothing dropped, nothing logged: what <see cref="NoFinalizer"/> reports.</summary>
    public static FinalizeReport Empty { get; } = new([], []);
}
