namespace Boxer.TestSupport;

/// <summary>
/// Runs code under a synchronization context that holds back every report <see cref="Progress{T}"/> posts
/// until the code has finished (other posts, such as await continuations, run at once on the thread pool).
/// A report posted instead of made on the reporting thread then always lands after everything the build
/// reported, so an order check sees it; on an idle machine the thread pool would deliver it in time and
/// hide the bug.
/// </summary>
public static class LatePosts
{
    /// <summary>Starts <paramref name="action"/> under the holding context, awaits it, then delivers what was held.</summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        var context = new HoldingContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task<T> task;
        try
        {
            task = action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        try
        {
            return await task;
        }
        finally
        {
            context.Release();
        }
    }

    private sealed class HoldingContext : SynchronizationContext
    {
        private readonly List<(SendOrPostCallback Callback, object? State)> _held = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            if (d.Method.DeclaringType is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Progress<>))
            {
                lock (_held)
                {
                    _held.Add((d, state));
                }
                return;
            }
            ThreadPool.QueueUserWorkItem(_ =>
            {
                SetSynchronizationContext(this);
                d(state);
            });
        }

        public override SynchronizationContext CreateCopy() => this;

        public void Release()
        {
            lock (_held)
            {
                _held.ForEach(p => p.Callback(p.State));
                _held.Clear();
            }
        }
    }
}
