using Boxer.Abstractions;
using Boxer.Core.Pipeline;

namespace Boxer.Host.Cli;

/// <summary>
/// Splits <c>boxer build</c>'s tokens into groups. System.CommandLine cannot say "this <c>--out</c> belongs to
/// the second target", so the build's tokens reach here unparsed. Only the split is done here: each group's
/// values go to <see cref="TargetOptionChecker"/> through the pipeline, the same checker every verb uses, so
/// an unknown or malformed option reads the same in <c>boxer build</c> as in <c>boxer docker</c>.
/// </summary>
internal static class BuildArgumentParser
{
    private const string TargetOption = "--target";
    private static readonly string[] BuildValueOptions = ["stage", "recipe", "set"];
    private static readonly string[] BuildFlags = ["plan", "json"];
    private static readonly string[] BoolWords = ["true", "false", "yes", "no", "on", "off", "1", "0"];

    /// <summary>The groups; <paramref name="findTarget"/> looks a target up by name.</summary>
    /// <exception cref="UsageException">A token that is no option, an unknown target, a build option given in a target's group.</exception>
    public static BuildArguments Parse(IReadOnlyList<string> tokens, Func<string, ITarget?> findTarget)
    {
        var build = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        int i = 0;
        while (i < tokens.Count && Split(tokens[i]).Name != "target")
        {
            var (name, inline) = Option(tokens[i++]);
            if (BuildFlags.Contains(name))
            {
                Add(build, name, inline ?? "true");
            }
            else if (BuildValueOptions.Contains(name))
            {
                Add(build, name, inline ?? Value(tokens, ref i, name));
            }
            else
            {
                throw new UsageException($"--{name}: not an option of boxer build; a target's options follow its --target NAME");
            }
        }
        var groups = new List<TargetGroup>();
        while (i < tokens.Count)
        {
            groups.Add(ParseGroup(tokens, ref i, findTarget));
        }
        if (groups.Count == 0)
        {
            throw new UsageException("boxer build needs at least one --target NAME (`boxer targets` lists them)");
        }
        return new BuildArguments(
            build.GetValueOrDefault("stage") ?? [],
            build.GetValueOrDefault("recipe")?.Last(),
            build.GetValueOrDefault("set") ?? [],
            build.ContainsKey("plan"),
            build.ContainsKey("json"),
            groups);
    }

    /// <summary>One <c>--target NAME</c> and the options up to the next <c>--target</c>.</summary>
    private static TargetGroup ParseGroup(IReadOnlyList<string> tokens, ref int i, Func<string, ITarget?> findTarget)
    {
        var (_, inlineName) = Split(tokens[i++]);
        string name = inlineName ?? Value(tokens, ref i, "target");
        var target = findTarget(name) ?? throw new UsageException($"--target {name}: no such target (`boxer targets` lists them)");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (i < tokens.Count && Split(tokens[i]).Name != "target")
        {
            var (option, inline) = Option(tokens[i++]);
            if (BuildValueOptions.Contains(option) || BuildFlags.Contains(option))
            {
                throw new UsageException($"--{option} is an option of the build: give it before the first --target");
            }
            var declared = target.Options.FirstOrDefault(o => o.Name == option);
            string value = inline ?? (declared?.Kind == TargetOptionKind.Bool ? FlagValue(tokens, ref i) : OptionalValue(tokens, ref i));
            if (!values.TryAdd(option, value))
            {
                throw new UsageException($"--target {name}: --{option} given twice");
            }
        }
        return new TargetGroup(target, new TargetOptionValues(values));
    }

    private static (string Name, string? Inline) Option(string token) =>
        token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2
            ? (Split(token).Name!, Split(token).Inline)
            : throw new UsageException($"unexpected '{token}': boxer build takes options only (--stage, --target NAME, ...)");

    /// <summary><c>--name</c> or <c>--name=value</c>; a token that is no option has no name.</summary>
    private static (string? Name, string? Inline) Split(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal))
        {
            return (null, null);
        }
        int equals = token.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (token[2..], null) : (token[2..equals], token[(equals + 1)..]);
    }

    private static string Value(IReadOnlyList<string> tokens, ref int i, string name) =>
        i < tokens.Count && !tokens[i].StartsWith("--", StringComparison.Ordinal)
            ? tokens[i++]
            : throw new UsageException($"--{name} needs a value");

    /// <summary>The next token when it is a value; else empty, which the checker reports as "needs a value".</summary>
    private static string OptionalValue(IReadOnlyList<string> tokens, ref int i) =>
        i < tokens.Count && !tokens[i].StartsWith("--", StringComparison.Ordinal) ? tokens[i++] : "";

    /// <summary>A flag is true when given alone, or takes a following true/false, as the verbs' flags do.</summary>
    private static string FlagValue(IReadOnlyList<string> tokens, ref int i) =>
        i < tokens.Count && BoolWords.Contains(tokens[i].ToLowerInvariant()) ? tokens[i++] : "true";

    private static void Add(Dictionary<string, List<string>> values, string name, string value)
    {
        if (!values.TryGetValue(name, out var list))
        {
            values[name] = list = [];
        }
        list.Add(value);
    }
}
