namespace Boxer.Fuzz.Targets;

/// <summary>Every harness, by name.</summary>
public static class FuzzTargets
{
    /// <summary>All targets, in a fixed order.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } =
        [new TarTarget(), new ElfTarget(), new OsReleaseTarget(), new SquashfsTarget(), new SifTarget(), new CliValuesTarget()];

    /// <summary>The target called <paramref name="name"/>.</summary>
    public static IFuzzTarget Get(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no harness '{name}'; one of: {string.Join(", ", All.Select(t => t.Name))}");
}
