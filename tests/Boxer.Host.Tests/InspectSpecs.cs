using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// <c>boxer inspect</c> run as a process on the basic fixture stage3 (tests/fixtures), checked against GNU
/// tar and getfattr (needs root, tar, getfattr and the fixture generator's tools, as CI installs them).
/// </summary>
public sealed class InspectSpecs
{
    [Theory]
    [InlineData("xz")]
    [InlineData("gz")]
    [InlineData("zst")]
    [InlineData("concat-xz")]
    public async Task I_can_list_every_entry_with_its_xattrs_as_GNU_tar_sees_it(string compression)
    {
        var stage = Fixtures.Basic(compression);

        var result = await BoxerHost.RunAsync("inspect", stage, "--list", "--xattrs", "--quiet");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.StdErr);
        var listed = ListedEntry.ParseBoxerListing(result.StdOut.Split('\n')).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var expected = GnuTarListing.Read(stage);
        Assert.All(expected, entry => Assert.Equal(entry, listed.GetValueOrDefault(entry.Path)));
        Assert.Equal(expected.Select(e => e.Path).Append("./").Distinct().Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_listing_without_xattrs_names_them_on_the_entry_line_only()
    {
        var result = await BoxerHost.RunAsync("inspect", Fixtures.Basic("xz"), "--list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(result.StdOut.Split('\n'), l => l.StartsWith("  ", StringComparison.Ordinal));
        Assert.Contains(result.StdOutLines, l => l.EndsWith(" ./usr/bin/newuidmap xattrs=security.capability", StringComparison.Ordinal));
        Assert.Equal("drwxr-xr-x 0/0 0", string.Join(' ', result.StdOutLines[0].Split(' ')[..3]));
    }

    [Fact]
    public async Task I_can_see_the_facts_of_a_stage3()
    {
        var stage = Fixtures.Basic("xz");
        var tar = GnuTarListing.ReadWithoutValues(stage);

        var result = await BoxerHost.RunAsync("inspect", stage);

        Assert.True(result.ExitCode == 0, result.ToString());
        var facts = result.StdOutLines;
        Assert.Equal("stage: basic.tar.xz", Squeeze(facts[0]));
        Assert.Equal($"sha256: {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(stage)))}", Squeeze(facts[1]));
        Assert.StartsWith("compression: xz (decoded by xz", Squeeze(facts[2]), StringComparison.Ordinal);
        Assert.StartsWith($"architecture: {HostArchitecture()}", Squeeze(facts[3]), StringComparison.Ordinal);
        Assert.Contains("init system: OpenRC", facts.Select(Squeeze));
        Assert.Contains("os: Gentoo 2.15", facts.Select(Squeeze));
        Assert.Contains("signer: unverified", facts.Select(Squeeze));
        Assert.Contains($"source: {stage}", facts.Select(Squeeze));
        Assert.Contains($"entries: {tar.Count + (tar.Any(e => e.Path == "./") ? 0 : 1)}", facts.Select(Squeeze));
        Assert.Contains($"hard links: {tar.Count(e => e.Kind == 'h')}", facts.Select(Squeeze));
        Assert.Contains($"fifos: {tar.Count(e => e.Kind == 'p')}", facts.Select(Squeeze));
        var contentBytes = tar.Where(e => e.Kind == '-').Sum(e => long.Parse(e.Size, System.Globalization.CultureInfo.InvariantCulture));
        Assert.EndsWith($"({contentBytes} bytes)", facts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_stage3_is_bad_input_on_one_line()
    {
        using var dir = new TempDir();
        var stage = dir.Combine("notes.txt");
        await File.WriteAllTextAsync(stage, string.Concat(Enumerable.Repeat("this is not an archive\n", 100)));

        var result = await BoxerHost.RunAsync("inspect", stage, "--quiet");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Single(result.StdErrLines);
        Assert.StartsWith("boxer: ", result.StdErrLines[0], StringComparison.Ordinal);
        Assert.Empty(result.StdOut);
    }

    [Fact]
    public async Task Progress_goes_to_stderr_as_timestamped_lines_when_it_is_not_a_terminal()
    {
        var result = await BoxerHost.RunAsync("inspect", Fixtures.Basic("gz"));

        Assert.True(result.ExitCode == 0, result.ToString());
        // The stage is hashed (and checked against what lies beside it) before the import.
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ stage:verify started \(", result.StdErrLines[0]);
        Assert.Contains(result.StdErrLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ import started \("));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ import done in [\d.]+ s", result.StdErrLines[^1]);
    }

    private static string Squeeze(string line) => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
