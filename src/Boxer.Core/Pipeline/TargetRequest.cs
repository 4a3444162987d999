using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>One target to build and the option values given for it (defaults are applied by the pipeline).</summary>
/// <param name="Target">The target.</param>
/// <param name="Options">The values the user gave, by option name.</param>
public sealed record TargetRequest(ITarget Target, TargetOptionValues Options);
