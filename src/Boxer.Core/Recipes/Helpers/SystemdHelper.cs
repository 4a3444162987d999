using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>Edits a systemd system in the tree the way <c>systemctl mask/enable</c> would, without running it.</summary>
public sealed class SystemdHelper(IRootFs fs)
{
    public const string SystemDir = "etc/systemd/system";

    /// <summary>True when the tree holds systemd (<c>/lib/systemd/systemd</c> or <c>/usr/lib/systemd/systemd</c>).</summary>
    public bool IsPresent => TreePaths.Exists(fs, "lib/systemd/systemd") || TreePaths.Exists(fs, "usr/lib/systemd/systemd");

    /// <summary>Masks a unit: the symlink <c>/etc/systemd/system/UNIT</c> → <c>/dev/null</c>.</summary>
    public void Mask(string unit) => fs.CreateSymlink($"{SystemDir}/{unit}", "/dev/null");

    /// <summary>
    /// Enables a unit as <c>systemctl enable</c> does for <c>WantedBy=</c>: the symlink
    /// <c>/etc/systemd/system/TARGET.wants/UNIT</c> → the unit file under <c>/lib</c> or <c>/usr/lib</c>, symlinks resolved.
    /// </summary>
    /// <exception cref="RecipeException">No unit file of that name exists.</exception>
    public void Enable(string unit, string wantedBy = "multi-user.target")
    {
        var file = new[] { $"lib/systemd/system/{unit}", $"usr/lib/systemd/system/{unit}" }
            .Select(p => TreePaths.Resolve(fs, p)).FirstOrDefault(p => p is not null)
            ?? throw new RecipeException($"Systemd.Enable: no unit file {unit} under /lib/systemd/system or /usr/lib/systemd/system");
        fs.CreateSymlink($"{SystemDir}/{wantedBy}.wants/{unit}", "/" + file);
    }

    /// <summary>Removes every <c>*.wants</c> link to <paramref name="unit"/> under <c>/etc/systemd/system</c>.</summary>
    /// <returns>How many links were removed.</returns>
    public int Disable(string unit) => fs.DeleteGlob($"{SystemDir}/*.wants/{unit}");
}
