using System.Text.RegularExpressions;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// Only the CLI's output layer (Cli/) and Program.cs touch the process console: the TUI and everything
/// else go through <c>CliConsole</c> or the app, so output stays where the faces put it.
/// </summary>
public sealed partial class ConsoleUseSpecs
{
    [Fact]
    public void No_host_source_outside_Cli_and_Program_uses_the_console()
    {
        var root = Path.Combine(RepoPaths.Root, "src", "Boxer.Host");
        var offenders = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.StartsWith("Cli" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && f != "Program.cs")
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Where(f => ConsoleUse().IsMatch(File.ReadAllText(Path.Combine(root, f))));

        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"\bConsole\.")]
    private static partial Regex ConsoleUse();
}
