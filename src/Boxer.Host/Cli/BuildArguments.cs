namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer build</c>'s command line split into its groups: the build's own options (those before the first
/// <c>--target</c>) and one <see cref="TargetGroup"/> per <c>--target</c>.
/// </summary>
/// <param name="Stages">The <c>--stage</c> values, in order.</param>
/// <param name="Recipe">The <c>--recipe</c> value, when given.</param>
/// <param name="Set">The <c>--set</c> values.</param>
/// <param name="Plan">Whether <c>--plan</c> was given.</param>
/// <param name="Json">Whether <c>--json</c> was given.</param>
/// <param name="Targets">The target groups, in order.</param>
internal sealed record BuildArguments(
    IReadOnlyList<string> Stages, string? Recipe, IReadOnlyList<string> Set, bool Plan, bool Json, IReadOnlyList<TargetGroup> Targets);
