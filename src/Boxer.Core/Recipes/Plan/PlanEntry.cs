using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// An entry a recipe removed or added. A removed or added directory stands for its whole subtree:
/// <see cref="Entries"/> counts it and everything below, <see cref="Bytes"/> sums their file content.
/// </summary>
public sealed record PlanEntry(string Path, EntryKind Kind, int Entries, long Bytes)
{
    /// <summary>A symlink's target, if the entry is one.</summary>
    public string? LinkTarget { get; init; }
}
