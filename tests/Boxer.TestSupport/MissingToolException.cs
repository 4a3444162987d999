namespace Boxer.TestSupport;

/// <summary>A test needs a program that is not installed; the message names the Debian package.</summary>
public sealed class MissingToolException(string tool, string package)
    : Exception($"this test needs `{tool}` (Debian package {package}); install it, or run .ci/run which installs everything")
{
    public string Tool { get; } = tool;

    public string Package { get; } = package;
}
