using Boxer.Abstractions;
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
        new(LayerCompressionOption, TargetOptionKind.Choice, "how --out and --push compress the layer: gzip (every engine) or zstd (Docker 23.0+)")
        {
            Default = "gzip",
            Choices = ["gzip", "zstd"],
        },
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
        var problems = new List<string>();
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
            : [];
    }

    /// <summary>Nothing: a Docker image needs nothing in the tree that the recipe does not decide.</summary>
    public void Prepare(TargetPrepareContext context)
    {
    }

    private static TextReader OpenStandardInput() =>
        new StreamReader(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read));
}
