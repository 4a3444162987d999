namespace Boxer.Fuzz.Running;

/// <summary>How long and how hard one harness is fuzzed.</summary>
public sealed record FuzzOptions
{
    /// <summary>The random seed: the same seed, seeds and code give the same mutants.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Stop after this many mutants (the in-suite run's bound).</summary>
    public int MaxIterations { get; init; } = int.MaxValue;

    /// <summary>Stop after this long (the long run's bound).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>One input taking longer than this is a hang.</summary>
    public TimeSpan PerInputTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One input allocating more than this many bytes (all threads) is unbounded memory.</summary>
    public long MaxAllocatedBytes { get; init; } = 512L << 20;

    /// <summary>Stop at the first finding (the suite) or keep going and collect (the long run).</summary>
    public bool StopAtFirstFinding { get; init; }

    /// <summary>Where findings are written as they happen, if anywhere.</summary>
    public string? FindingsDirectory { get; init; }
}
