using Boxer.Abstractions;
using Boxer.Formats.Compression;
using Boxer.Formats.Output;

namespace Boxer.Targets.Docker;

/// <summary>
/// The <c>docker</c> target: one-layer images written daemonless from the tree, then loaded into the
/// engine (<c>--tag</c>), written to a file (<c>--out</c>) and/or pushed to a registry (<c>--push</c>).
/// </summary>
public sealed partial class DockerTarget : ITarget
{
    public const string TagOption = "tag";
    public const string PushOption = "push";
    public const string OutOption = "out";
    public const string ForceOption = "force";
    public const string UserOption = "registry-user";
    public const string PasswordStdinOption = "registry-password-stdin";
    public const string InsecureOption = "insecure-registry";
    public const string CodecOption = "codec";
    public const string LayerCompressionOption = "layer-compression";

    private const string TargetName = "docker";

    public string Name => TargetName;

    public string Summary => "Docker/OCI image: load into the engine, write an archive, or push to a registry";

    public IReadOnlyList<TargetOption> Options { get; } =
    [
        new(TagOption, TargetOptionKind.Text, "name the image and load it into the Docker engine")
        {
            ValueName = "NAME[:TAG]",
            Validate = ImageReference.Check,
        },
        new(PushOption, TargetOptionKind.Bool, "push --tag to its registry (no engine needed)"),
        new(OutOption, TargetOptionKind.Path, "write the image as an archive file (gzip layer) for docker load or skopeo")
        {
            ValueName = "FILE",
        },
        new(ForceOption, TargetOptionKind.Bool, "overwrite the --out file if it exists (a regular file only)"),
        new(UserOption, TargetOptionKind.Text, "registry user name (default: ~/.docker/config.json)") { ValueName = "USER" },
        new(PasswordStdinOption, TargetOptionKind.Bool, "read the registry password from standard input"),
        new(InsecureOption, TargetOptionKind.Bool, "talk to the registry over plain HTTP"),
        new(CodecOption, TargetOptionKind.Choice, CodecLibraries.OptionHelp) { Default = CodecLibraries.Auto, Choices = [.. CodecLibraries.Choices] },
        new(LayerCompressionOption, TargetOptionKind.Choice, "how --out and --push compress the layer: gzip (every engine) or zstd (Docker 23.0+)")
        {
            Default = "gzip",
            Choices = ["gzip", "zstd"],
        },
        .. Signing.DockerSigning.Options,
    ];

    /// <summary>Where <c>--registry-password-stdin</c> reads from; standard input unless a test sets it.</summary>
    public Func<TextReader> PasswordInput { get; init; } = OpenStandardInput;

    /// <summary>
    /// Where <c>config.json</c> (registry logins) is read from: <c>$DOCKER_CONFIG</c> or <c>~/.docker</c> unless a
    /// test sets it (tests must not change the process's environment while others run).
    /// </summary>
    public Func<string> DockerConfigDirectory { get; init; } = Registry.RegistryCredentials.DefaultConfigDirectory;

    /// <summary>Where the engine is; <c>DOCKER_HOST</c> or the default socket unless a test sets it.</summary>
    public Func<Engine.DockerHost> EngineHost { get; init; } = Engine.DockerHost.FromEnvironment;

    public IReadOnlyList<string> Validate(TargetOptionValues options)
    {
        var problems = new List<string>(Signing.DockerSigning.Problems(options));
        bool tag = options.Has(TagOption);
        if (options.GetBool(ForceOption) && !options.Has(OutOption))
        {
            problems.Add("--force needs --out");
        }
        if (options.GetBool(PushOption) && !tag)
        {
            problems.Add("--push needs --tag to know where to push");
        }
        if (options.GetBool(PasswordStdinOption) && !options.Has(UserOption))
        {
            problems.Add("--registry-password-stdin needs --registry-user");
        }
        if (options.Has(UserOption) && !options.GetBool(PasswordStdinOption))
        {
            problems.Add("--registry-user needs --registry-password-stdin");
        }
        if (LayerCodec(options).Problem is { } problem)
        {
            problems.Add(problem);
        }
        return problems;
    }

    /// <summary>Only writing needs somewhere to put the image; a plan does not.</summary>
    public IReadOnlyList<string> ValidateWrite(TargetOptionValues options)
    {
        if (!options.Has(TagOption) && !options.Has(OutOption))
        {
            return ["give --tag NAME[:TAG] (load into the engine), --out FILE, or both"];
        }
        if (ZstdRefusal(options) is { } zstd)
        {
            return [zstd];
        }
        // Before the stage3 is read; the build checks again, as the file system may change meanwhile.
        return options.GetString(OutOption) is { Length: > 0 } outPath && OutputFile.Problem(outPath, options.GetBool(ForceOption)) is { } refusal
            ? [refusal]
            : SignKeys.Check(options, Environment.CurrentDirectory) is { } keyProblem ? [keyProblem] : [];
    }

    /// <summary>
    /// The SBOM (see <c>DockerTarget.Sbom.cs</c>), and the layer's compression library labelled now so that
    /// --plan shows it (a fallback warns once, here); a Docker image needs nothing else the recipe does not decide.
    /// </summary>
    public void Prepare(TargetPrepareContext context)
    {
        PlaceSbom(context);
        var codec = LayerCodec(context.Options);
        if (codec.Warning is { } warning)
        {
            context.Progress.Report(new LogMessage(BuildLogLevel.Warning, warning, TargetName));
        }
        context.Image.Labels[CodecLibraries.LabelKey] = codec.Library!.Describe(LayerLevel(context.Options));
    }

    /// <summary>The library that compresses the layer (its bytes and digest depend on it): gzip, or zstd with --layer-compression zstd.</summary>
    internal static CodecResolution LayerCodec(TargetOptionValues options) =>
        CodecLibraries.Resolve(
            options.GetString(LayerCompressionOption) == "zstd" ? BlockCompression.Zstd : BlockCompression.Gzip, options.GetString(CodecOption));

    /// <summary>The level the layer is compressed at, as its <c>io.boxer.compression</c> label names it.</summary>
    internal static int LayerLevel(TargetOptionValues options) =>
        options.GetString(LayerCompressionOption) == "zstd" ? Image.ZstdFrameStream.DefaultLevel : ImageSpecs.LayerGzipLevel;

    private static TextReader OpenStandardInput() =>
        new StreamReader(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read));
}
