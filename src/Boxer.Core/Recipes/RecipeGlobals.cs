using Boxer.Abstractions;
using Boxer.Core.Recipes.Helpers;

namespace Boxer.Core.Recipes;

/// <summary>
/// What a recipe (<c>.csx</c>) sees as globals: every member here is usable by its bare name, e.g.
/// <c>OpenRC.SetRcSys("docker")</c> or <c>if (Target.Name == "docker") …</c>. Recipes start with these
/// namespaces imported: System, System.IO, System.Linq, System.Collections.Generic, System.Text,
/// System.Text.RegularExpressions, Boxer.Abstractions, Boxer.Core.Recipes, Boxer.Core.Recipes.Helpers.
/// </summary>
public sealed class RecipeGlobals
{
    /// <summary>Creates the globals for one run over <paramref name="context"/>.</summary>
    public RecipeGlobals(RecipeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Rootfs = context.RootFs;
        Image = context.Image;
        Stage = context.Stage;
        Target = context.Target;
        Args = new RecipeArgs(context.Args);
        Log = new RecipeLog(context.Progress);
        OpenRC = new OpenRcHelper(Rootfs, Log);
        Systemd = new SystemdHelper(Rootfs);
        Timezone = new TimezoneHelper(Rootfs, Log);
        Files = new FilesHelper(Rootfs);
    }

    /// <summary>The tree being finalized. Paths may start with <c>/</c>; symlinks are never followed.</summary>
    public IRootFs Rootfs { get; }

    /// <summary>The image configuration being built (entrypoint, stop signal, labels, …) for the target.</summary>
    public ImageConfig Image { get; }

    /// <summary>The target the tree is finalized for: branch on <c>Target.Name</c> (<c>docker</c>, <c>sif</c>, <c>lxd</c>).</summary>
    public RecipeTarget Target { get; }

    /// <summary>The <c>--set key=value</c> pairs: <c>Args.GetBool("prune-pkgdb")</c>, <c>Args.GetString("tz", "UTC")</c>.</summary>
    public RecipeArgs Args { get; }

    /// <summary>Log lines (<c>Log.Info</c>, <c>Log.Warn</c>, <c>Log.Debug</c>), shown with the build's output.</summary>
    public RecipeLog Log { get; }

    /// <summary>Facts about the stage3: <c>Stage.SourceName</c>, <c>Stage.Architecture</c>, <c>Stage.InitSystem</c>, <c>Stage.OsRelease</c>.</summary>
    public StageInfo Stage { get; }

    /// <summary>OpenRC edits: <c>rc_sys</c>, runlevel symlinks, service keywords, inittab.</summary>
    public OpenRcHelper OpenRC { get; }

    /// <summary>systemd edits: masking and disabling units.</summary>
    public SystemdHelper Systemd { get; }

    /// <summary>The time zone: <c>Timezone.Set("UTC")</c>.</summary>
    public TimezoneHelper Timezone { get; }

    /// <summary>Bulk edits: <c>Files.DeleteGlob("/lib/modules/*")</c>, <c>Files.Replace(path, regex, text)</c>.</summary>
    public FilesHelper Files { get; }
}
