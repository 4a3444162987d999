using Boxer.Core.Import;
using Boxer.Formats.Squashfs;
using Boxer.Formats.Tests.Squashfs.Support;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Squashfs;

/// <summary>
/// Our writer against squashfs-tools-ng's tar2sqfs on the basic fixture stage3: the peer packs the tar,
/// we repack what it packed, and squashfs-tools-ng must find no difference: sqfsdiff (contents, times) plus
/// rdsquashfs listings and xattrs (see <see cref="SquashfsComparison"/>: sqfsdiff 1.2 misses those).
/// </summary>
public sealed class SquashfsPeerSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-sqfs-peer-");

    [Fact]
    public async Task Sqfsdiff_finds_our_image_equal_to_tar2sqfs_image_of_the_fixture_stage3()
    {
        string tar = Fixtures.Basic("tar");
        string theirs = _dir.Combine("theirs.sqfs");
        ExternalTool.RunChecked("sh", "-c", $"tar2sqfs -q -c gzip -f '{theirs}' < '{tar}'");
        string ours = _dir.Combine("ours.sqfs");
        using (var reader = SquashfsReader.Open(theirs))
        {
            await ImageFactory.WriteAsync(new SquashfsTreeView(reader), ours);
        }

        string diff = SquashfsComparison.Sqfsdiff(theirs, ours);

        Assert.Equal("", diff);
        SquashfsComparison.AssertSameEntriesAndXattrs(theirs, ours, SquashfsComparison.PathsWithXattrs(tar));
    }

    [Fact]
    public async Task Our_image_of_the_fixture_stage3_lists_exactly_as_gnu_tar_lists_the_tar()
    {
        string tar = Fixtures.Basic("tar");
        string theirs = _dir.Combine("theirs.sqfs");
        ExternalTool.RunChecked("sh", "-c", $"tar2sqfs -q -c gzip -f '{theirs}' < '{tar}'");
        string ours = _dir.Combine("ours.sqfs");
        using (var reader = SquashfsReader.Open(theirs))
        {
            await ImageFactory.WriteAsync(new SquashfsTreeView(reader), ours);
        }
        var listed = GnuTarListing.Read(tar);

        using var ourReader = SquashfsReader.Open(ours);
        var entries = ourReader.Entries.Select(e => Listing.Of(e.Entry)).ToList();

        Assert.Equal(listed.OrderBy(e => e.Path, StringComparer.Ordinal), entries.OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("xz")]
    [InlineData("tar")]
    public async Task Sqfsdiff_finds_our_image_of_the_imported_stage3_equal_to_tar2sqfs_image_of_the_tar(string compression)
    {
        string theirs = _dir.Combine("theirs.sqfs");
        ExternalTool.RunChecked("sh", "-c", $"tar2sqfs -q -c gzip -f '{theirs}' < '{Fixtures.Basic("tar")}'");
        string ours = _dir.Combine("ours.sqfs");
        using (var stage = await StageImporter.ImportAsync(Fixtures.Basic(compression)))
        {
            await ImageFactory.WriteAsync(stage.RootFs.AsReadOnly(), ours);
        }

        string diff = SquashfsComparison.Sqfsdiff(theirs, ours);
        var listed = GnuTarListing.Read(Fixtures.Basic("tar"));
        using var reader = SquashfsReader.Open(ours);

        Assert.Equal("", diff);
        SquashfsComparison.AssertSameEntriesAndXattrs(theirs, ours, SquashfsComparison.PathsWithXattrs(Fixtures.Basic("tar")));
        Assert.Equal(listed.OrderBy(e => e.Path, StringComparer.Ordinal), reader.Entries.Select(e => Listing.Of(e.Entry)).OrderBy(e => e.Path, StringComparer.Ordinal));
    }

    [Fact]
    public async Task On_the_openrc_stage3_we_differ_from_tar2sqfs_only_by_indexing_large_directories_as_mksquashfs_does()
    {
        string stage = Fixtures.OpenRc();
        string theirs = _dir.Combine("theirs.sqfs");
        ExternalTool.RunChecked("sh", "-c", $"xz -dc '{stage}' | tar2sqfs -q -c gzip -f '{theirs}'");
        string indexed = _dir.Combine("indexed.sqfs");
        string flat = _dir.Combine("flat.sqfs");
        using (var imported = await StageImporter.ImportAsync(stage))
        {
            await ImageFactory.WriteAsync(imported.RootFs.AsReadOnly(), indexed);
            await ImageFactory.WriteAsync(imported.RootFs.AsReadOnly(), flat, new SquashfsWriterOptions { DirectoryIndex = false });
        }

        string withoutIndex = SquashfsComparison.Sqfsdiff(theirs, flat);
        var withIndex = ExternalTool.Run("sqfsdiff", ["-T", "-a", theirs, "-b", indexed]);

        Assert.Equal("", withoutIndex);
        var pathsWithXattrs = SquashfsComparison.PathsWithXattrs(stage);
        SquashfsComparison.AssertSameEntriesAndXattrs(theirs, flat, pathsWithXattrs);
        SquashfsComparison.AssertSameEntriesAndXattrs(theirs, indexed, pathsWithXattrs);
        var lines = withIndex.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches("^/.+ has an extended type$", l));
    }

    public void Dispose() => _dir.Dispose();
}
