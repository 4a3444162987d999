using System.Globalization;
using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Output;
using Boxer.Formats.Overlay;
using Boxer.Formats.Signing;

namespace Boxer.Targets.Singularity;

/// <summary>
/// Makes a Singularity/Apptainer SIF file that <c>singularity instance start --boot --writable-tmpfs</c> boots:
/// a definition file, <c>inspect-metadata.json</c> and the tree as a squashfs primary partition; with
/// <c>--overlay-size</c> also an ext3 overlay partition that <c>--writable</c> keeps changes in.
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
        new("codec", TargetOptionKind.Choice, CodecLibraries.OptionHelp) { Default = CodecLibraries.Auto, Choices = [.. CodecLibraries.Choices] },
        new("overlay-size", TargetOptionKind.Integer,
            "Embed a writable ext3 overlay partition of this many MiB, as apptainer overlay create does (needs mkfs.ext3 from e2fsprogs; boot with --writable)")
        {
            ValueName = "MiB",
            Validate = v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? Ext3OverlayWriter.SizeProblem(n) : null,
        },
        .. SifSigning.Options,
    ];

    private readonly SifSigning _signing;

    /// <summary>Creates the target as the host loads it: a signing key's passphrase comes from stdin or the environment.</summary>
    public SingularityTarget()
        : this(SigningPassphrase.FromProcess)
    {
    }

    /// <summary>Creates the target; <paramref name="passphrase"/> is where a signing key's passphrase comes from.</summary>
    /// <param name="passphrase">The passphrase source (tests give their own).</param>
    public SingularityTarget(SigningPassphrase passphrase) => _signing = new SifSigning(passphrase);

    /// <inheritdoc/>
    public IReadOnlyList<string> Validate(TargetOptionValues options)
    {
        var problems = new List<string>(SifSigning.Problems(options));
        if (options.Has("level"))
        {
            long level = options.GetInt64("level");
            long max = Compression(options) == BlockCompression.Zstd ? 22 : 9;
            if (level < 1 || level > max)
            {
                problems.Add($"--level must be 1 to {max} for {options.GetString("compression", "gzip")}");
            }
        }
        if (CodecLibraries.Resolve(Compression(options), options.GetString("codec")).Problem is { } problem)
        {
            problems.Add(problem);
        }
        // The signature covers every object of the group, the overlay too, and the first --writable boot changes
        // the overlay: the image would stop verifying on its first use. A separate overlay file keeps both.
        if (options.Has(SifSigning.KeyOption) && options.Has("overlay-size"))
        {
            problems.Add("--sign-key with --overlay-size: the embedded overlay changes on its first writable boot, which breaks the signature; "
                + "sign the SIF without it and use a separate overlay (boxer overlay create)");
        }
        return problems;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> ValidateWrite(TargetOptionValues options) =>
        // Before the stage3 is read; the build checks again, as the file system may change meanwhile.
        options.GetString("out") is { Length: > 0 } outPath && OutputFile.Problem(outPath, options.GetBool("force")) is { } refusal
            ? [refusal]
            : _signing.Check(options, Environment.CurrentDirectory) is { } keyProblem ? [keyProblem] : [];

    /// <inheritdoc/>
    public void Prepare(TargetPrepareContext context)
    {
        SingularityTree.Prepare(context.RootFs, context.Image);
        // The label reaches the SIF's labels and --plan; the warning is the one a fallback gets.
        var codec = CodecLibraries.Resolve(Compression(context.Options), context.Options.GetString("codec"));
        if (codec.Warning is { } warning)
        {
            context.Progress.Report(new LogMessage(BuildLogLevel.Warning, warning, TargetName));
        }
        var settings = Settings(context.Options);
        context.Image.Labels[CodecLibraries.LabelKey] = settings.Library.Describe(settings.Level ?? BlockCodecs.DefaultLevel(settings.Compression));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken) =>
        new SifBuild(context, OutputPath(context), Settings(context.Options)) { SigningKey = SigningKey(context) }.RunAsync(cancellationToken);

    private OpenPgpSigningKey? SigningKey(TargetBuildContext context)
    {
        try
        {
            return _signing.Key(context.Options, context.WorkingDirectory);
        }
        catch (SigningKeyException error)
        {
            throw new TargetException(TargetName, $"--sign-key: {error.Message}", error);
        }
    }

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
        options.Has("level") ? (int)options.GetInt64("level") : null,
        // Validate has refused a choice that does not resolve.
        CodecLibraries.Resolve(Compression(options), options.GetString("codec")).Library!,
        options.Has("overlay-size") ? options.GetInt64("overlay-size") : null);

    private static BlockCompression Compression(TargetOptionValues options) =>
        options.GetString("compression", "gzip") == "zstd" ? BlockCompression.Zstd : BlockCompression.Gzip;
}
