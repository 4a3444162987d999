using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>The options of one <c>boxer lxd</c> build, resolved against the working directory and the stage3.</summary>
internal sealed record LxdOptions(string OutputDirectory, string Alias, bool Unified, bool Import, bool Force)
{
    public static LxdOptions From(TargetBuildContext context)
    {
        var values = context.Options;
        var output = Path.GetFullPath(values.GetString("out") is { Length: > 0 } dir ? dir : ".", context.WorkingDirectory);
        var alias = values.GetString("alias") is { Length: > 0 } given ? given : DefaultAlias(context.Stage.SourceName);
        return new LxdOptions(output, alias, values.GetBool("unified"), values.GetBool("import"), values.GetBool("force"));
    }

    /// <summary>Why <paramref name="alias"/> cannot be an LXD image alias, or null (LXD refuses slashes and colons).</summary>
    public static string? CheckAlias(string alias) =>
        alias.Length == 0 ? "must not be empty"
        : alias.Any(c => c is '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c)) ? "no slashes, colons or spaces" : null;

    /// <summary>The stage3's file name without its tar and compression suffixes: <c>stage3-amd64-openrc-20240101</c>.</summary>
    public static string DefaultAlias(string stageName)
    {
        var name = stageName;
        foreach (var suffix in new[] { ".xz", ".gz", ".bz2", ".zst", ".lz", ".tgz", ".txz", ".tar" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
        return clean.Length == 0 ? "stage3" : clean;
    }
}
