using Boxer.Core.Import;
using Boxer.Core.Listing;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>
/// Import round trip (issue 2): for every fixture, boxer's listing of the imported tree equals what GNU tar
/// and getfattr say about the archive, entry by entry, xattr bytes included.
/// </summary>
public sealed class FixtureRoundTripSpecs
{
    private static readonly Lazy<IReadOnlyList<ListedEntry>> BasicByGnuTar = new(() =>
        GnuTarListing.Read(TestSupport.Fixtures.Basic("tar")));

    public static TheoryData<string, bool> BasicCases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var compression in TestSupport.Fixtures.BasicCompressions)
        {
            cases.Add(compression, true);
        }
        cases.Add("xz", false);
        cases.Add("concat-xz", false);
        return cases;
    }

    [Theory]
    [MemberData(nameof(BasicCases))]
    public async Task Boxers_listing_of_the_basic_fixture_equals_GNU_tars(string compression, bool nativeTools)
    {
        var boxer = await BoxerListingAsync(TestSupport.Fixtures.Basic(compression), nativeTools);

        AssertSameEntries(BasicByGnuTar.Value, boxer);
    }

    [Fact]
    public async Task Boxers_listing_of_the_OpenRC_fixture_equals_GNU_tars()
    {
        var boxer = await BoxerListingAsync(TestSupport.Fixtures.OpenRc(), nativeTools: true);

        AssertSameEntries(GnuTarListing.Read(TestSupport.Fixtures.OpenRc()), boxer);
    }

    /// <summary>What <c>boxer inspect --list --xattrs</c> prints, parsed back.</summary>
    private static async Task<IReadOnlyList<ListedEntry>> BoxerListingAsync(string archive, bool nativeTools)
    {
        using var imported = await StageImporter.ImportAsync(archive, new ImportOptions { PreferNativeTools = nativeTools });
        var lines = imported.RootFs.Entries
            .SelectMany(e => EntryListing.FormatXattrs(e).Prepend(EntryListing.FormatLine(e)))
            .ToList();
        return ListedEntry.ParseBoxerListing(lines);
    }

    private static void AssertSameEntries(IReadOnlyList<ListedEntry> gnuTar, IReadOnlyList<ListedEntry> boxer)
    {
        Assert.True(gnuTar.Count > 100, $"GNU tar lists only {gnuTar.Count} entries");
        var expected = gnuTar.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var actual = boxer.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var (path, want) in expected)
        {
            if (!actual.TryGetValue(path, out var got))
            {
                differences.Add($"missing in boxer: {want.FormatLine()}");
            }
            else if (!want.Equals(got))
            {
                differences.Add($"GNU tar: {want}\nboxer:   {got}");
            }
        }
        differences.AddRange(actual.Keys.Except(expected.Keys).Select(p => $"only in boxer: {actual[p].FormatLine()}"));
        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20).Prepend($"{differences.Count} differences:")));
    }
}
