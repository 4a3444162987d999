namespace Boxer.Abstractions;

/// <summary>The recipe a build applied, for labels and provenance.</summary>
/// <param name="Name">The recipe's file name, e.g. <c>openrc-server.csx</c>, or <c>none</c>.</param>
/// <param name="Sha256">The SHA-256 of the recipe and every file it loads, lowercase hex; empty for none.</param>
public sealed record RecipeInfo(string Name, string Sha256)
{
    /// <summary>No recipe was applied.</summary>
    public static RecipeInfo None { get; } = new("none", "");
}
