namespace Boxer.Formats.Signing;

/// <summary>
/// Where a signing key's passphrase comes from: standard input (<c>--sign-key-password-stdin</c>, first line)
/// or the <c>BOXER_SIGN_KEY_PASSWORD</c> variable; none for an unprotected key. The passphrase is never logged.
/// </summary>
/// <param name="StandardInput">Opens standard input; returns null when it is a terminal (nothing piped in).</param>
/// <param name="Variable">Reads <see cref="VariableName"/>.</param>
public sealed record SigningPassphrase(Func<TextReader?> StandardInput, Func<string?> Variable)
{
    /// <summary>The environment variable holding the passphrase.</summary>
    public const string VariableName = "BOXER_SIGN_KEY_PASSWORD";

    /// <summary>The process's standard input (null when it is a terminal) and environment.</summary>
    public static SigningPassphrase FromProcess { get; } = new(OpenStandardInput, () => Environment.GetEnvironmentVariable(VariableName));

    /// <summary>Reads the passphrase.</summary>
    /// <param name="fromStandardInput">True for <c>--sign-key-password-stdin</c>.</param>
    /// <returns>The passphrase, or empty for none.</returns>
    /// <exception cref="SigningKeyException">Standard input is a terminal or holds no line.</exception>
    public string Read(bool fromStandardInput)
    {
        if (!fromStandardInput)
        {
            return Variable() ?? "";
        }
        using var reader = StandardInput()
            ?? throw new SigningKeyException("--sign-key-password-stdin: standard input is a terminal; pipe the passphrase in");
        return reader.ReadLine() is { Length: > 0 } line
            ? line
            : throw new SigningKeyException("--sign-key-password-stdin: standard input held no passphrase");
    }

    private static TextReader? OpenStandardInput() =>
        Console.IsInputRedirected
            ? new StreamReader(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, ownsHandle: false), FileAccess.Read))
            : null;
}
