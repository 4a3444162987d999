using System.Text.RegularExpressions;

namespace Boxer.Core.Recipes.Helpers;

// /etc/inittab edits. Only getty lines (`c1:` … `c6:`) are commented: the original tool's `s/^c/#c/`
// also disabled `ca:12345:ctrlaltdel:`, which is what makes SIGINT (Singularity's stop) shut down cleanly.
public sealed partial class OpenRcHelper
{
    public const string Inittab = "etc/inittab";
    public const string PowerFailLine = "pf:12345:powerwait:/sbin/halt";
    public const string ConsoleLine = "x1:12345:respawn:/sbin/agetty --noclear 38400 console linux";

    /// <summary>Comments every active getty line (<c>^c[0-9]+:</c>) of <c>/etc/inittab</c>.</summary>
    /// <returns>How many lines were commented.</returns>
    /// <exception cref="RecipeException"><c>/etc/inittab</c> does not exist.</exception>
    public int CommentGettys()
    {
        var before = TreeText.Read(fs, Inittab, "OpenRC.CommentGettys");
        var count = 0;
        var after = GettyLine().Replace(before, m =>
        {
            count++;
            return "#" + m.Value;
        });
        TreeText.WriteIfChanged(fs, Inittab, before, after);
        return count;
    }

    /// <summary>
    /// Makes SIGPWR halt the system (what LXC and boxer's Docker images send to stop): replaces the active
    /// <c>pf:</c> line, else adds <paramref name="line"/>.
    /// </summary>
    /// <returns>True if the file changed.</returns>
    public bool EnsurePowerFailLine(string line = PowerFailLine) => EnsureInittabLine("pf:", line, "OpenRC.EnsurePowerFailLine");

    /// <summary>Enables a getty on <c>/dev/console</c> (what LXD's console attaches to), replacing an active <c>x1:</c> line.</summary>
    /// <returns>True if the file changed.</returns>
    public bool EnableConsole(string line = ConsoleLine) => EnsureInittabLine("x1:", line, "OpenRC.EnableConsole");

    private bool EnsureInittabLine(string id, string line, string helper)
    {
        var before = TreeText.Read(fs, Inittab, helper);
        var lines = TreeText.Lines(before, out var trailing);
        var at = lines.FindIndex(l => l.StartsWith(id, StringComparison.Ordinal));
        if (at >= 0)
        {
            lines[at] = line;
        }
        else
        {
            lines.Add(line);
            trailing = true;
        }
        return TreeText.WriteIfChanged(fs, Inittab, before, TreeText.Join(lines, trailing));
    }

    [GeneratedRegex("^c[0-9]+:", RegexOptions.Multiline)]
    private static partial Regex GettyLine();
}
