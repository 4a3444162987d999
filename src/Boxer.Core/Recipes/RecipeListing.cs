namespace Boxer.Core.Recipes;

/// <summary>A recipe found in a search directory, with the one-line description from its first comment.</summary>
public sealed record RecipeListing(string Name, string Path, string Description);
