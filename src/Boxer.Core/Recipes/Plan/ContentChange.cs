namespace Boxer.Core.Recipes.Plan;

/// <summary>A file's content changed; <see cref="UnifiedDiff"/> is set for text files.</summary>
public sealed record ContentChange(long BytesBefore, long BytesAfter, string? UnifiedDiff);
