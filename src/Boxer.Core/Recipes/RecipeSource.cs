namespace Boxer.Core.Recipes;

/// <summary>One source file of a recipe: its full path and its text as read.</summary>
public sealed record RecipeSource(string FullPath, string Text);
