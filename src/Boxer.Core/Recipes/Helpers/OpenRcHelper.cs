using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>
/// Edits an OpenRC system in the tree the way <c>rc-update</c> and an admin would, without a chroot:
/// <c>rc_sys</c> in <c>/etc/rc.conf</c>, runlevel symlinks, service keywords and <c>/etc/inittab</c>.
/// </summary>
public sealed partial class OpenRcHelper(IRootFs fs, RecipeLog log)
{
    public const string RcConf = "etc/rc.conf";
    public const string InitDir = "etc/init.d";
    public const string RunlevelsDir = "etc/runlevels";

    private readonly List<DroppedService> _dropped = [];

    /// <summary>Every service this helper removed from a runlevel, with the reason, in order.</summary>
    public IReadOnlyList<DroppedService> Dropped => _dropped;

    /// <summary>True when the tree has <c>/etc/rc.conf</c> and <c>/etc/runlevels</c>.</summary>
    public bool IsPresent => fs.Exists(RcConf) && fs.Exists(RunlevelsDir);

    /// <summary>The value of the active <c>rc_sys=</c> line of <c>/etc/rc.conf</c>; null when it is unset (auto-detect).</summary>
    public string? RcSys => GetRcConf("rc_sys") is { Length: > 0 } v ? v : null;

    /// <summary>
    /// Sets <c>rc_sys</c> (e.g. <c>docker</c>, <c>lxc</c>); an empty value or null comments it out so that
    /// OpenRC auto-detects the system.
    /// </summary>
    /// <exception cref="RecipeException"><c>/etc/rc.conf</c> does not exist (not an OpenRC tree).</exception>
    public void SetRcSys(string? value)
    {
        SetRcConf("rc_sys", value, "OpenRC.SetRcSys");
        log.Debug(string.IsNullOrEmpty(value) ? "rc_sys unset (auto-detected)" : $"rc_sys=\"{value}\"");
    }

    /// <summary>The value of the last active <c>KEY=</c> line of <c>/etc/rc.conf</c>, unquoted; null when there is none.</summary>
    public string? GetRcConf(string key)
    {
        var text = TreeText.Read(fs, RcConf, "OpenRC.GetRcConf");
        var last = TreeText.Lines(text, out _).LastOrDefault(l => IsActive(l, key));
        return last?[(last.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim().Trim('"', '\'');
    }

    /// <summary>
    /// Sets <c>KEY="value"</c> in <c>/etc/rc.conf</c>: replaces the active line (commenting any later duplicates),
    /// else the stock commented <c>#KEY=</c> line, else appends. Null or empty comments the setting out.
    /// </summary>
    /// <exception cref="RecipeException"><c>/etc/rc.conf</c> does not exist.</exception>
    public void SetRcConf(string key, string? value) => SetRcConf(key, value, "OpenRC.SetRcConf");

    private void SetRcConf(string key, string? value, string helper)
    {
        var before = TreeText.Read(fs, RcConf, helper);
        var lines = TreeText.Lines(before, out var trailing);
        var wanted = string.IsNullOrEmpty(value) ? $"#{key}=\"\"" : $"{key}=\"{value}\"";
        var active = Enumerable.Range(0, lines.Count).Where(i => IsActive(lines[i], key)).ToList();
        if (active.Count > 0)
        {
            lines[active[0]] = wanted;
            active.Skip(1).ToList().ForEach(i => lines[i] = "#" + lines[i].TrimStart());
        }
        else if (lines.FindIndex(l => l.StartsWith($"#{key}=", StringComparison.Ordinal)) is var stock and >= 0)
        {
            lines[stock] = wanted;
        }
        else if (!string.IsNullOrEmpty(value))
        {
            lines.Add(wanted);
            trailing = true;
        }
        TreeText.WriteIfChanged(fs, RcConf, before, TreeText.Join(lines, trailing));
    }

    /// <summary>Enables <paramref name="service"/> in <paramref name="level"/>: the symlink <c>/etc/runlevels/LEVEL/SVC</c> → <c>/etc/init.d/SVC</c>.</summary>
    /// <exception cref="RecipeException">There is no <c>/etc/init.d/SVC</c>.</exception>
    public void AddService(string service, string level = "default")
    {
        if (!fs.Exists($"{InitDir}/{service}"))
        {
            throw new RecipeException($"OpenRC.AddService: /{InitDir}/{service} does not exist");
        }
        fs.CreateDirectory($"{RunlevelsDir}/{level}");
        fs.CreateSymlink($"{RunlevelsDir}/{level}/{service}", $"/{InitDir}/{service}");
    }

    /// <summary>Removes <paramref name="service"/> from <paramref name="level"/>; false when it was not there.</summary>
    public bool RemoveService(string service, string level) => fs.Delete($"{RunlevelsDir}/{level}/{service}") > 0;

    /// <summary>Every service enabled in any runlevel, in tree order.</summary>
    public IReadOnlyList<ServiceLink> EnabledServices()
    {
        if (!fs.Exists(RunlevelsDir))
        {
            return [];
        }
        return
        [
            .. from level in fs.Children(RunlevelsDir)
               where level.Kind == EntryKind.Directory
               from link in fs.Children(level.Path)
               where link.Kind == EntryKind.Symlink
               select new ServiceLink(level.Name, link.Name),
        ];
    }

    private static bool IsActive(string line, string key) =>
        line.TrimStart().StartsWith(key + "=", StringComparison.Ordinal);
}
