using Boxer.Fuzz.Seeds;

namespace Boxer.Fuzz.Targets;

/// <summary>
/// One reader under fuzz: its seed inputs, a structure-aware mutation, and a run that returns normally for
/// "read fine" or "refused with its typed error" and lets any other exception escape (a finding).
/// </summary>
public interface IFuzzTarget
{
    /// <summary>The harness name (<c>--harness NAME</c>; the regression folder's name).</summary>
    string Name { get; }

    /// <summary>The inputs mutations start from.</summary>
    IReadOnlyList<byte[]> Seeds(SeedCorpus corpus);

    /// <summary>A mutant of <paramref name="input"/>; deterministic for a given <paramref name="random"/> state.</summary>
    byte[] Mutate(byte[] input, Random random);

    /// <summary>Reads <paramref name="input"/>; returns the outcome, or throws an exception that is a finding.</summary>
    string Run(byte[] input);
}
