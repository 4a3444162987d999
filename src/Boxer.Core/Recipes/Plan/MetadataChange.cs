namespace Boxer.Core.Recipes.Plan;

/// <summary>One metadata field of an entry that changed: <c>mode</c>, <c>owner</c>, <c>link</c>, <c>xattr NAME</c>, …</summary>
public sealed record MetadataChange(string Field, string Before, string After);
