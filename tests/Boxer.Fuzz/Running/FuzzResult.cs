namespace Boxer.Fuzz.Running;

/// <summary>What a run did: how many inputs, how many were refused with the typed error, and what it found.</summary>
/// <param name="Harness">The target's name.</param>
/// <param name="Executions">Inputs run (seeds and mutants).</param>
/// <param name="Refused">Inputs the reader refused with its typed error.</param>
/// <param name="Findings">Inputs that broke the property, distinct by kind and stack top.</param>
public sealed record FuzzResult(string Harness, int Executions, int Refused, IReadOnlyList<Finding> Findings)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Harness}: {Executions} inputs, {Refused} refused, {Findings.Count} findings" +
        string.Concat(Findings.Select(f => "\n  " + f.ToString().Replace("\n", "\n    ")));
}
