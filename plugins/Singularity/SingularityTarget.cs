using System.Globalization;
using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Output;

namespace Boxer.Targets.Singularity;

/// <summary>
/// Makes a Singularity/Apptainer SIF file that <c>singularity instance start --boot --writable-tmpfs</c> boots:
/// a definition file, <c>inspect-metadata.json</c> and the tree as a squashfs primary partition.
/// </summary>
public sealed partial class SingularityTarget : ITarget
{
    private const string TargetName = "sif";

    /// <inheritdoc/>
    public string Name => TargetName;

    /// <inheritdoc/>
    public string Summary => "Singularity/Apptainer SIF image (squashfs root, boots with instance start --boot)";

    /// <inheritdoc/>
    public IReadOnlyList<TargetOption> Options { get; } =
    [
        new("out", TargetOptionKind.Path, "Output file (default: the stage3's name with .sif, in the current directory)") { ValueName = "FILE" },
        new("force", TargetOptionKind.Bool, "Overwrite the output file if it exists"),
        new("block-size", TargetOptionKind.Integer, "Squashfs block size in bytes, a power of two from 4096 to 1048576")
        {
            Default = "131072",
            Validate = v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n is >= 4096 and <= 1048576 && (n & (n - 1)) == 0
                ? null : "must be a power of two from 4096 to 1048576",
        },
        new("compression", TargetOptionKind.Choice, "Squashfs compressor (gzip is readable everywhere)") { Default = "gzip", Choices = ["gzip", "zstd"] },
        new("level", TargetOptionKind.Integer, "Compression level (default gzip 9, zstd 15, as mksquashfs)"),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(TargetOptionValues options)
    {
        var problems = new List<string>();
        if (options.Has("level"))
        {
            long level = options.GetInt64("level");
            long max = Compression(options) == BlockCompression.Zstd ? 22 : 9;
            if (level < 1 || level > max)
            {
                problems.Add($"--level must be 1 to {max} for {options.GetString("compression", "gzip")}");
            }
        }
        return problems;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ValidateWrite(TargetOptionValues options) =>
        // Before the stage3 is read; the build checks again, as the file system may change meanwhile.
        options.GetString("out") is { Length: > 0 } outPath && OutputFile.Problem(outPath, options.GetBool("force")) is { } refusal
            ? [refusal]
            : [];

    /// <inheritdoc/>
    public void Prepare(TargetPrepareContext context) => SingularityTree.Prepare(context.RootFs, context.Image);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken) =>
        new SifBuild(context, OutputPath(context), Settings(context.Options)).RunAsync(cancellationToken);

    internal static string OutputPath(TargetBuildContext context)
    {
        string? given = context.Options.GetString("out");
        string path = string.IsNullOrWhiteSpace(given) ? DefaultFileName(context.Stage.SourceName) : given;
        return Path.GetFullPath(path, context.WorkingDirectory);
    }

    /// <summary>
    /// The stage3's file name with its tar/compression suffixes replaced by <c>.sif</c>: Gentoo stage3s are the
    /// main input now, so the old fixed <c>funtoo-stage3.sif</c> would mislabel most images and make two
    /// builds from different stage3s overwrite each other.
    /// </summary>
    internal static string DefaultFileName(string stageName)
    {
        string name = stageName;
        foreach (string suffix in new[] { ".xz", ".gz", ".bz2", ".zst", ".lz", ".tgz", ".txz", ".tar" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }
        return (name.Length == 0 ? "stage3" : name) + ".sif";
    }

    private static SifBuildSettings Settings(TargetOptionValues options) => new(
        options.GetBool("force"),
        (int)options.GetInt64("block-size", 131072),
        Compression(options),
        options.Has("level") ? (int)options.GetInt64("level") : null);

    private static BlockCompression Compression(TargetOptionValues options) =>
        options.GetString("compression", "gzip") == "zstd" ? BlockCompression.Zstd : BlockCompression.Gzip;
}
