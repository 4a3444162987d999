using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>An entry present before and after the recipe whose metadata or content changed.</summary>
public sealed record PlanModification(string Path, EntryKind Kind, IReadOnlyList<MetadataChange> Metadata, ContentChange? Content);
