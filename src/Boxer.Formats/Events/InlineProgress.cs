namespace Boxer.Formats.Events;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its handler on the reporting thread before <see cref="Report"/>
/// returns, so what it reports stays in order with everything else the caller reports. Use it instead of
/// <see cref="Progress{T}"/>, which posts each report to the thread pool (or a captured synchronization
/// context): such a report can arrive after its phase completed, or after the build's result.
/// </summary>
/// <typeparam name="T">What is reported, e.g. a log line.</typeparam>
/// <param name="handler">Runs for each report, on the reporting thread.</param>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <summary>Runs the handler with <paramref name="value"/> now, on this thread.</summary>
    /// <param name="value">The report.</param>
    public void Report(T value) => handler(value);
}
