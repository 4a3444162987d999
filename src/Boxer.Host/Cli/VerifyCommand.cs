using System.CommandLine;
using Boxer.Core.Pipeline;
using Boxer.Formats.Sif;
using Boxer.Formats.Signing;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer verify IMAGE.sif [--keyring FILE]…</c>: checks the SIF's OpenPGP signatures against the given public
/// keys and those in <c>$XDG_CONFIG_HOME/boxer/keys/</c>. Exit 0 and the signers' fingerprints when it verifies;
/// 5 when the image fails its check; 3 when the image or a key file cannot be read.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var image = new Argument<string>("IMAGE") { Description = "The SIF file to check" };
        var keyrings = new Option<string[]>("--keyring")
        {
            Description = "OpenPGP public key(s), armored or binary; repeatable (also read: every file in ~/.config/boxer/keys/)",
            HelpName = "FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("verify", "Check a signed SIF's signatures (as apptainer verify does) against trusted public keys") { image, keyrings };
        command.SetAction((parse, _) =>
        {
            string path = InputPaths.Check("verify IMAGE", parse.GetRequiredValue(image));
            return Task.FromResult(Run(path, parse.GetValue(keyrings) ?? [], console));
        });
        return command;
    }

    private static int Run(string path, string[] keyFiles, CliConsole console)
    {
        OpenPgpKeyring keyring;
        SifVerification result;
        try
        {
            keyring = Keyring(keyFiles);
            using var file = File.OpenRead(path);
            result = SifVerifier.Verify(file, keyring);
        }
        catch (SigningKeyException error)
        {
            console.Error.WriteLine($"boxer: {error.Message.ReplaceLineEndings(" ")}");
            return ExitCode.BadInput;
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"boxer: {path}: {error.Message.ReplaceLineEndings(" ")}");
            return ExitCode.BadInput;
        }
        if (!result.Verified)
        {
            console.Error.WriteLine($"boxer: {path}: verification failed: {result.Problem}");
            return ExitCode.ImageCheckFailed;
        }
        foreach (string signer in result.Signers)
        {
            console.Out.WriteLine($"{path}: verified, signed by {signer}");
        }
        return ExitCode.Success;
    }

    private static OpenPgpKeyring Keyring(string[] keyFiles)
    {
        var keyring = new OpenPgpKeyring();
        foreach (string file in keyFiles.Concat(ConfiguredKeys()))
        {
            keyring.Add(SigningKeyFile.Read(file), file);
        }
        return keyring.Count > 0
            ? keyring
            : throw new UsageException($"verify: no public keys; give --keyring FILE or put keys in {KeysDirectory()}");
    }

    /// <summary>The files in <c>$XDG_CONFIG_HOME/boxer/keys/</c> (<c>~/.config</c> when unset), sorted, none if it is missing.</summary>
    private static IEnumerable<string> ConfiguredKeys()
    {
        string directory = KeysDirectory();
        return Directory.Exists(directory) ? Directory.GetFiles(directory).Order(StringComparer.Ordinal) : [];
    }

    private static string KeysDirectory()
    {
        string? config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string root = string.IsNullOrEmpty(config)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
            : config;
        return Path.Combine(root, "boxer", "keys");
    }
}
