namespace Boxer.Core.Recipes.Helpers;

/// <summary>A service a recipe removed from a runlevel, and why (e.g. <c>keyword -docker</c>).</summary>
public sealed record DroppedService(string Level, string Service, string Reason);
