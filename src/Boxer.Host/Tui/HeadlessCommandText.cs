using Boxer.Core.Pipeline;

namespace Boxer.Host.Tui;

/// <summary>
/// The command lines that repeat a wizard run headless: one target verb per chosen target, with the stage,
/// the recipe and the option values the user set (defaults left out), quoted for a POSIX shell.
/// </summary>
internal static class HeadlessCommandText
{
    public static IReadOnlyList<string> For(string stagePath, IEnumerable<TargetRequest> targets, string recipeArgument) =>
    [
        .. targets.Select(t => string.Join(' ',
            new[] { "boxer", t.Target.Name, "--stage", Quote(stagePath), "--recipe", Quote(recipeArgument) }
                .Concat(t.Options.All.OrderBy(o => o.Key, StringComparer.Ordinal).SelectMany(o => Option(t, o.Key, o.Value))))),
    ];

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
