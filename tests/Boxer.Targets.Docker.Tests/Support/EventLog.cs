using System.Collections.Concurrent;
using Boxer.Abstractions;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>Collects build events synchronously, as they are reported.</summary>
public sealed class EventLog : IProgress<BuildEvent>
{
    private readonly ConcurrentQueue<BuildEvent> _events = new();

    public IEnumerable<BuildEvent> Events => _events;

    public IEnumerable<string> Messages => _events.OfType<LogMessage>().Select(m => m.Message);

    public void Report(BuildEvent value) => _events.Enqueue(value);
}
