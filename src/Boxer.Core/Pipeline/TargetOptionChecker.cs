using System.Globalization;
using Boxer.Abstractions;

namespace Boxer.Core.Pipeline;

/// <summary>
/// Checks the values given for a target against its declared options, then against the target itself, and
/// applies the declared defaults. Shared by every face (CLI, TUI) through <see cref="BuildPipeline"/>.
/// </summary>
public static class TargetOptionChecker
{
    private static readonly string[] BoolWords = ["true", "false", "yes", "no", "on", "off", "1", "0"];

    /// <summary>The given values plus each declared default for an option that was not given.</summary>
    /// <param name="target">The target.</param>
    /// <param name="given">The values given.</param>
    public static TargetOptionValues WithDefaults(ITarget target, TargetOptionValues given)
    {
        var values = new Dictionary<string, string>(given.All, StringComparer.Ordinal);
        foreach (var option in target.Options)
        {
            if (option.Default is { } fallback && !values.ContainsKey(option.Name))
            {
                values[option.Name] = fallback;
            }
        }
        return new TargetOptionValues(values);
    }

    /// <summary>
    /// Every problem with the given values, one line each (<c>--tag: reason</c>): unknown names, malformed
    /// numbers and flags, values outside a choice, each option's own check, then <see cref="ITarget.Validate"/>
    /// when everything before it passed. For a write also missing required values and then
    /// <see cref="ITarget.ValidateWrite"/>; a plan writes nothing, so it needs neither.
    /// </summary>
    /// <param name="target">The target.</param>
    /// <param name="given">The values given.</param>
    /// <param name="mode">Whether the values are for a write or a plan.</param>
    public static IReadOnlyList<string> Problems(ITarget target, TargetOptionValues given, TargetRunMode mode = TargetRunMode.Write)
    {
        var declared = target.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, value) in given.All)
        {
            if (!declared.TryGetValue(name, out var option))
            {
                problems.Add($"--{name}: not an option of target '{target.Name}'");
            }
            else if (ValueProblem(option, value) is { } problem)
            {
                problems.Add($"--{name}: {problem}");
            }
        }
        var withDefaults = WithDefaults(target, given);
        if (mode == TargetRunMode.Write)
        {
            problems.AddRange(target.Options
                .Where(o => o.Required && !withDefaults.Has(o.Name))
                .Select(o => $"--{o.Name} is required"));
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        var together = target.Validate(withDefaults);
        return together.Count > 0 || mode == TargetRunMode.Plan ? together : target.ValidateWrite(withDefaults);
    }

    /// <summary>The values with defaults applied, or a <see cref="UsageException"/> naming every problem.</summary>
    /// <param name="request">The target and the values given.</param>
    /// <param name="mode">Whether the values are for a write or a plan.</param>
    /// <exception cref="UsageException">A value is wrong or missing.</exception>
    public static TargetOptionValues Checked(TargetRequest request, TargetRunMode mode)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = Problems(request.Target, request.Options, mode);
        return problems.Count > 0
            ? throw new UsageException($"{request.Target.Name}: {string.Join("; ", problems)}")
            : WithDefaults(request.Target, request.Options);
    }

    private static string? ValueProblem(TargetOption option, string value) => option.Kind switch
    {
        not TargetOptionKind.Bool when string.IsNullOrWhiteSpace(value) => "needs a value",
        TargetOptionKind.Path when value.Contains('\0', StringComparison.Ordinal) => "the path contains a NUL character",
        TargetOptionKind.Integer when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) =>
            $"'{value}' is not a whole number",
        TargetOptionKind.Bool when !BoolWords.Contains(value.Trim().ToLowerInvariant()) =>
            $"'{value}' is not true or false",
        TargetOptionKind.Choice when !option.Choices.Contains(value, StringComparer.Ordinal) =>
            $"'{value}' is not one of: {string.Join(", ", option.Choices)}",
        _ => option.Validate?.Invoke(value),
    };
}
