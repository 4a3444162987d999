using System.Security.Cryptography;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>The basic fixture's archives: every compression holds the same entries, and they are reproducible.</summary>
public sealed class BasicFixtureArchiveSpecs
{
    public static TheoryData<string> Compressions => new(TestSupport.Fixtures.BasicCompressions.Where(c => c != "tar"));

    [Theory]
    [MemberData(nameof(Compressions))]
    public void Every_compression_lists_the_same_entries_as_the_plain_tar(string compression)
    {
        var plain = GnuTarListing.ReadWithoutValues(TestSupport.Fixtures.Basic("tar"));
        var compressed = GnuTarListing.ReadWithoutValues(TestSupport.Fixtures.Basic(compression));

        Assert.True(plain.Count > 100, $"only {plain.Count} entries");
        Assert.Equal(plain, compressed);
    }

    [Fact]
    public void The_concatenated_file_really_is_two_xz_streams()
    {
        var info = ExternalTool.RunChecked("xz", "--robot", "--list", TestSupport.Fixtures.Basic("concat-xz")).Stdout;

        Assert.Contains("\ntotals\t2\t", "\n" + info, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_start_with_dot_slash_and_are_sorted_by_name()
    {
        var raw = ExternalTool.RunChecked("tar", "-tf", TestSupport.Fixtures.Basic("tar")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("./", raw[0]);
        Assert.All(raw, name => Assert.StartsWith("./", name, StringComparison.Ordinal));
    }

    [Fact]
    public void The_generator_makes_byte_identical_archives_on_every_run()
    {
        using var again = new TempDir();
        ExternalTool.Run("bash", [Path.Combine(RepoPaths.Fixtures, "make-basic-stage3.sh"), again.Path]).EnsureSuccess();

        foreach (var compression in TestSupport.Fixtures.BasicCompressions)
        {
            var cached = TestSupport.Fixtures.Basic(compression);
            Assert.Equal(Sha256(cached), Sha256(again.Combine(Path.GetFileName(cached))));
        }
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
