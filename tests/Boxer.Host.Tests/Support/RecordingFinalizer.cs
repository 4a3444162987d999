using Boxer.Abstractions;
using Boxer.Core.Pipeline;

namespace Boxer.Host.Tests.Support;

/// <summary>A finalizer that notes each call into the target's call list and adds a file, as a recipe would.</summary>
public sealed class RecordingFinalizer(IReadOnlyDictionary<string, RecordingTarget> targets) : IFinalizer
{
    public RecipeInfo Recipe { get; } = new("recording.csx", "abc123");

    public Task<FinalizeReport> FinalizeAsync(FinalizeContext context, CancellationToken cancellationToken)
    {
        targets[context.TargetName].Calls.Add($"finalize(saw prepared: {context.RootFs.Exists($"etc/prepared-by-{context.TargetName}")})");
        context.RootFs.WriteAllText("etc/finalized", context.TargetName);
        context.Image.Entrypoint = ["/sbin/init"];
        return Task.FromResult(FinalizeReport.Empty);
    }
}
