namespace Boxer.Core.Recipes.Compilation;

/// <summary>A recipe compiled to an assembly and its portable PDB (for <c>file.csx:line</c> in runtime errors).</summary>
public sealed record CompiledRecipe(byte[] Assembly, byte[] Pdb);
