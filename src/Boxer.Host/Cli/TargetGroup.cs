using Boxer.Abstractions;

namespace Boxer.Host.Cli;

/// <summary>One <c>--target NAME</c> of <c>boxer build</c> and the option values that followed it, unchecked.</summary>
/// <param name="Target">The target named.</param>
/// <param name="Values">The values as typed, by option name; the pipeline checks them as it checks a verb's.</param>
internal sealed record TargetGroup(ITarget Target, TargetOptionValues Values);
