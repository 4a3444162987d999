using Boxer.Abstractions;

namespace Boxer.Host.Tests.Support;

/// <summary>Reports on the calling thread (Progress&lt;T&gt; posts to the thread pool, losing the order).</summary>
public sealed class SynchronousProgress(Action<BuildEvent> report) : IProgress<BuildEvent>
{
    public void Report(BuildEvent value) => report(value);
}
