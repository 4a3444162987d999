using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>What a bill of materials describes and who made it: the stage3, the recipe that ran after the packages were read, the tool and the time.</summary>
/// <param name="Stage">The stage3's facts (name, digest, os-release).</param>
/// <param name="Recipe">The recipe that finalized the trees.</param>
/// <param name="BoxerVersion">The version of boxer.</param>
/// <param name="Created">The creation time: <c>SOURCE_DATE_EPOCH</c> when set.</param>
public sealed record SbomSubject(StageInfo Stage, RecipeInfo Recipe, string BoxerVersion, DateTimeOffset Created)
{
    /// <summary>The sentence both formats carry: where the packages were read, and which recipe ran afterwards.</summary>
    public string Comment => $"Packages read from the package databases of {Stage.SourceName} (sha256:{Stage.SourceSha256}) "
        + $"before the recipe {Recipe.Name}{(Recipe.Sha256.Length > 0 ? $" (sha256:{Recipe.Sha256})" : "")} ran.";

    /// <summary>The time as both formats write it: UTC, whole seconds, <c>Z</c>.</summary>
    public string Timestamp => Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
