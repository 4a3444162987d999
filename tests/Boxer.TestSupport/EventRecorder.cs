using Boxer.Abstractions;

namespace Boxer.TestSupport;

/// <summary>Records build events on the reporting thread, in the order they were reported.</summary>
public sealed class EventRecorder : IProgress<BuildEvent>
{
    private readonly List<BuildEvent> _events = [];

    /// <summary>A copy of the events so far.</summary>
    public IReadOnlyList<BuildEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Report(BuildEvent value)
    {
        lock (_events)
        {
            _events.Add(value);
        }
    }
}
