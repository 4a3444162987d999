using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Recipes.Plan;

/// <summary>What <c>--plan</c> needs: the stage, the targets whose trees the recipe would finalize, and the recipe.</summary>
public sealed record RecipePlanRequest
{
    public required string StagePath { get; init; }

    public required IReadOnlyList<TargetRequest> Targets { get; init; }

    /// <summary>The recipe's full path.</summary>
    public required string RecipePath { get; init; }

    /// <summary>The <c>--set key=value</c> pairs.</summary>
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>();

    public UnixTime? SourceDateEpoch { get; init; }

    public ImportOptions? Import { get; init; }

    /// <summary>The runner (and so the cache) to use; null for the default.</summary>
    public RecipeRunner? Runner { get; init; }
}
