using Boxer.Core.Pipeline;

namespace Boxer.Host.Tui;

/// <summary>
/// The command line that repeats a wizard run headless, quoted for a POSIX shell: the target's verb for one
/// target, <c>boxer build</c> with one <c>--target</c> group each for several (one import, as the wizard did);
/// with the stage, the recipe and the option values the user set (defaults left out).
/// </summary>
internal static class HeadlessCommandText
{
    public static IReadOnlyList<string> For(string stagePath, IEnumerable<TargetRequest> targets, string recipeArgument)
    {
        var chosen = targets.ToList();
        string[] build = ["--stage", Quote(stagePath), "--recipe", Quote(recipeArgument)];
        if (chosen.Count == 1)
        {
            return [string.Join(' ', new[] { "boxer", chosen[0].Target.Name }.Concat(build).Concat(Options(chosen[0])))];
        }
        return [string.Join(' ', new[] { "boxer", "build" }.Concat(build)
            .Concat(chosen.SelectMany(t => new[] { "--target", t.Target.Name }.Concat(Options(t)))))];
    }

    private static IEnumerable<string> Options(TargetRequest t) =>
        t.Options.All.OrderBy(o => o.Key, StringComparer.Ordinal).SelectMany(o => Option(t, o.Key, o.Value));

    private static IEnumerable<string> Option(TargetRequest request, string name, string value)
    {
        var declared = request.Target.Options.First(o => o.Name == name);
        // Bool options are flags on the command line: present means true.
        return declared.Kind == Boxer.Abstractions.TargetOptionKind.Bool
            ? value == "true" ? [$"--{name}"] : [$"--{name}", "false"]
            : [$"--{name}", Quote(value)];
    }

    /// <summary>The word as is when the shell takes it literally, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c))
            ? word
            : $"'{word.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
