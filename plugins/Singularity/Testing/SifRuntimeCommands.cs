using System.Globalization;
using Boxer.Formats.Sif;

namespace Boxer.Targets.Singularity.Testing;

/// <summary>
/// The command lines <c>boxer test</c> runs with apptainer or singularity: the usage hint's
/// <c>instance start --boot</c>, <c>exec instance://NAME</c>, <c>instance stop</c>. Neither runtime is packaged
/// for Debian 12, so the specs check these lines rather than run them.
/// </summary>
/// <param name="Runtime">The full path of <c>apptainer</c> or <c>singularity</c>.</param>
/// <param name="Sif">The SIF file.</param>
/// <param name="Instance">The instance name.</param>
/// <param name="Overlay">The SIF embeds an overlay partition, writable only with <c>--writable</c>.</param>
/// <param name="Grace">How long <c>instance stop</c> waits before it kills.</param>
internal sealed record SifRuntimeCommands(string Runtime, string Sif, string Instance, bool Overlay, TimeSpan Grace)
{
    /// <summary>sylabs/sif's <c>PartOverlay</c>: a writable overlay partition (ext3) embedded in the SIF.</summary>
    private const int OverlayPartitionType = 4;

    private static readonly string[] Names = ["apptainer", "singularity"];

    public IReadOnlyList<string> Start => ["instance", "start", "--boot", Overlay ? "--writable" : "--writable-tmpfs", Sif, Instance];

    public IReadOnlyList<string> Exec(IReadOnlyList<string> command) => ["exec", $"instance://{Instance}", .. command];

    public IReadOnlyList<string> Stop => ["instance", "stop", "--timeout", ((int)Grace.TotalSeconds).ToString(CultureInfo.InvariantCulture), Instance];

    /// <summary>The first of apptainer, singularity found on <paramref name="searchPath"/>, or null.</summary>
    public static string? Find(string? searchPath) =>
        (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => Names.Select(name => Path.Combine(dir, name)))
            .OrderBy(path => Array.IndexOf(Names, Path.GetFileName(path)))
            .FirstOrDefault(File.Exists);

    public static bool HasOverlay(SifImage sif) =>
        sif.Descriptors.Any(d => d.DataType == SifDataType.Partition && d.PartitionType == OverlayPartitionType);

    /// <summary>A command line as a shell would show it, for the report.</summary>
    public string Show(IReadOnlyList<string> args) => string.Join(' ', [Path.GetFileName(Runtime), .. args]);
}
