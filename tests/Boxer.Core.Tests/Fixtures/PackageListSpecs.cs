using System.Text.RegularExpressions;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>
/// .ci/debian-packages is the one list of Debian packages the tests need: .ci/run installs it, README's apt-get
/// command names exactly it, and every package a test or a doc under tests/ names is in it (a fresh machine
/// set up from README or CI must not meet a "needs X" that nothing installed).
/// </summary>
public sealed partial class PackageListSpecs
{
    private static readonly string ListFile = Path.Combine(RepoPaths.Root, ".ci", "debian-packages");

    [Fact]
    public void The_README_apt_get_command_installs_exactly_the_list()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var match = AptGetCommand().Match(readme);
        Assert.True(match.Success, "README.md has no `apt-get install --no-install-recommends ...` command");
        var named = match.Groups["packages"].Value.Replace("\\\n", " ", StringComparison.Ordinal)
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(List().Order(StringComparer.Ordinal), named.Order(StringComparer.Ordinal));
        Assert.Equal(named.Length, named.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Ci_run_installs_the_list_file()
    {
        string run = File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run"));

        Assert.Contains(".ci/debian-packages", run, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y -q --no-install-recommends \"${packages[@]}\"", run, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_package_in_the_tool_table_is_in_the_list()
    {
        var list = List();

        Assert.Empty(ExternalTool.DebianPackages.Where(pair => !list.Contains(pair.Value)).Select(pair => $"{pair.Key} -> {pair.Value}"));
    }

    [Fact]
    public void Every_tool_a_test_requires_is_in_the_tool_table()
    {
        var unknown = TestSources("*.cs")
            .SelectMany(file => RequireCall().Matches(File.ReadAllText(file)).Select(m => (file, tool: m.Groups["tool"].Value)))
            .Where(call => !call.tool.StartsWith("no-such-", StringComparison.Ordinal) && !ExternalTool.DebianPackages.ContainsKey(call.tool))
            .Select(call => $"{Path.GetRelativePath(RepoPaths.Root, call.file)}: {call.tool}");

        Assert.Empty(unknown);
    }

    [Fact]
    public void Every_Debian_package_named_under_tests_is_in_the_list()
    {
        var list = List();
        var named = TestSources("*.cs").Concat(TestSources("*.md")).Concat(TestSources("*.sh"))
            .SelectMany(file => NamedPackage().Matches(File.ReadAllText(file)).Select(m => (file, package: m.Groups["package"].Value)))
            .ToList();
        var fixtureNeeds = FixtureNeeds().Matches(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, "README.md")))
            .SelectMany(m => m.Groups["needs"].Value.Split(',', StringSplitOptions.TrimEntries))
            .Where(need => need is not ("root" or "the apt mirror"))
            .Select(need => (file: "tests/fixtures/README.md", package: need));

        Assert.Contains(named, call => call.package == "tmux");
        Assert.Empty(named.Concat(fixtureNeeds).Where(call => !list.Contains(call.package))
            .Select(call => $"{Path.GetRelativePath(RepoPaths.Root, call.file)}: {call.package}"));
    }

    /// <summary>The packages of .ci/debian-packages, read as .ci/run reads them (comments and blanks dropped).</summary>
    private static HashSet<string> List()
    {
        var packages = File.ReadAllLines(ListFile)
            .Select(line => (line.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0 ? line[..hash] : line).Trim())
            .Where(line => line.Length > 0)
            .ToList();
        Assert.All(packages, package => Assert.Matches("^[a-z0-9][a-z0-9.+-]+$", package));
        return packages.ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> TestSources(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests"), pattern, SearchOption.AllDirectories)
            .Where(file => !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal));

    [GeneratedRegex(@"```sh\n\s*apt-get install --no-install-recommends (?<packages>(?:[^\n]*\\\n)*[^\n]*)\n\s*```")]
    private static partial Regex AptGetCommand();

    [GeneratedRegex(@"\bRequire\(""(?<tool>[^""/]+)""")]
    private static partial Regex RequireCall();

    // "(Debian package tmux)" as messages and docs write it; "(Debian package {package})" is a format string.
    [GeneratedRegex(@"\(Debian package `?(?<package>[a-z0-9][a-z0-9.+-]*[a-z0-9])`?\)")]
    private static partial Regex NamedPackage();

    [GeneratedRegex(@"^\| `make-[a-z-]+\.sh [^|]*\| (?<needs>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex FixtureNeeds();
}
