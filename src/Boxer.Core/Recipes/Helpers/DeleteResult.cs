namespace Boxer.Core.Recipes.Helpers;

/// <summary>What a delete removed: the number of entries and the content bytes of the regular files among them.</summary>
public readonly record struct DeleteResult(int Count, long Bytes);
