using System.CommandLine;
using Boxer.Core.Pipeline;
using Boxer.Core.Sources;

namespace Boxer.Host.Cli;

/// <summary>The options of every verb that takes a stage: <c>--mirror</c>, <c>--verify</c>, <c>--keyring</c>, <c>--refresh</c>.</summary>
internal sealed class SourceCliOptions
{
    /// <summary>The help of <c>--stage</c> on every verb that takes one.</summary>
    public const string StageHelp =
        "The stage3: a tarball's path, an http(s) URL, or a Gentoo autobuild gentoo:<arch>-<flavour>[@<timestamp>] (e.g. gentoo:amd64-openrc)";

    /// <summary>The value placeholder of <c>--stage</c>.</summary>
    public const string StageValueName = "FILE|URL|gentoo:ARCH-FLAVOUR";

    /// <summary>The option names this adds, which a target may not declare.</summary>
    public static readonly string[] Names = ["mirror", "verify", "keyring", "refresh"];

    public Option<string> Mirror { get; } = new("--mirror")
    {
        Description = $"The Gentoo mirror gentoo: names are fetched from [default: $BOXER_GENTOO_MIRROR, else gentoo-mirror in ~/.config/boxer/config, else {MirrorSettings.DefaultMirror}]",
        HelpName = "URL",
    };

    public Option<string> Verify { get; } = new("--verify")
    {
        Description = "auto: verify fetched stages always, files and URLs when .DIGESTS/.asc/.sha256 lie beside them; require: refuse anything no trusted signature vouches for; off: check nothing [default: auto]",
        HelpName = "auto|require|off",
    };

    public Option<string[]> Keyring { get; } = new("--keyring")
    {
        Description = "A trusted OpenPGP public keyring, armored or binary (repeatable); also trusted: ~/.config/boxer/keys/ and " + TrustedKeys.GentooPackageKey,
        HelpName = "FILE",
    };

    public Option<bool> Refresh { get; } = new("--refresh") { Description = "Ask the mirror again even when the stage cache knows the stage" };

    public SourceCliOptions() => Verify.AcceptOnlyFromAmong("auto", "require", "off");

    public IEnumerable<Option> All => [Mirror, Verify, Keyring, Refresh];

    /// <summary>The options read, over the environment's defaults.</summary>
    /// <exception cref="UsageException">A --keyring that is empty or not a regular file.</exception>
    public SourceOptions Read(ParseResult parse)
    {
        var keyrings = (parse.GetValue(Keyring) ?? []).Select(k => InputPaths.Check("--keyring", k)).ToList();
        foreach (var keyring in keyrings.Where(k => !File.Exists(k)))
        {
            throw new UsageException($"--keyring {keyring}: no such file");
        }
        return SourceOptions.FromEnvironment() with
        {
            Mirror = parse.GetValue(Mirror),
            Verify = parse.GetValue(Verify) switch
            {
                "require" => VerifyMode.Require,
                "off" => VerifyMode.Off,
                _ => VerifyMode.Auto,
            },
            Keyrings = keyrings,
            Refresh = parse.GetValue(Refresh),
        };
    }

    /// <summary>Checks a <c>--stage</c> value before anything is read: a path as <see cref="InputPaths"/> does, a <c>gentoo:</c> name parsed.</summary>
    /// <exception cref="UsageException">An empty value, a non-regular file, a name that does not parse.</exception>
    public static string CheckStage(string option, string? value)
    {
        if (value is not null && StageReference.IsRemote(value))
        {
            StageReference.Parse(value);
            return value;
        }
        return InputPaths.Check(option, value);
    }
}
