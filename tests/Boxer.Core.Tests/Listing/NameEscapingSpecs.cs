using System.Collections.Immutable;
using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Listing;
using Boxer.Core.Tests.Import;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Listing;

/// <summary>
/// Names reach the listing escaped the way GNU tar's default <c>--quoting-style=escape</c> prints them
/// in a UTF-8 locale: C escapes, octal bytes for other control characters, printable Unicode as is.
/// </summary>
public sealed class NameEscapingSpecs
{
    private static readonly string[] Names =
    [
        "a\nb", "esc\u001b[31mred", "tab\there", "back\\slash", "del\u007f", "c1\u0085x", "line\u2028sep", "para\u2029sep",
        "ünï-日本", "bell\a", "cr\r", "vt\v", "ff\f", "bs\b", "sp ace", "q\"uo'te", "bidi\u202ex", "nul-free\u0001",
    ];

    [Fact]
    public void Control_characters_are_escaped_and_printable_text_is_not()
    {
        Assert.Equal("./a\\nb -> t\\033x\\\\", Tail(new FsEntry { Path = "a\nb", Kind = EntryKind.Symlink, LinkTarget = "t\u001bx\\" }));
        Assert.Equal("./x link to ./y\\r", Tail(new FsEntry { Path = "x", Kind = EntryKind.HardLink, LinkTarget = "y\r" }));
        Assert.Equal("./ünï \\302\\205", Tail(new FsEntry { Path = "ünï \u0085", Kind = EntryKind.File }));
    }

    [Fact]
    public void Xattr_names_are_escaped_on_the_entry_line_and_in_the_value_lines()
    {
        var entry = new FsEntry
        {
            Path = "f",
            Kind = EntryKind.File,
            Xattrs = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("user.a\nb", ImmutableArray.Create<byte>(1))]),
        };
        Assert.EndsWith(" ./f xattrs=user.a\\nb", EntryListing.FormatLine(entry));
        Assert.Equal(["  user.a\\nb=0x01"], EntryListing.FormatXattrs(entry));
    }

    [Fact]
    public async Task Names_are_escaped_as_gnu_tar_escapes_them()
    {
        using var dir = new TempDir("boxer-escape-");
        var builder = new TarBuilder();
        foreach (var name in Names)
        {
            builder.Pax('x', ("path", Encoding.UTF8.GetBytes(name))).Entry("placeholder", data: [1]);
        }
        var archive = dir.Combine("names.tar");
        File.WriteAllBytes(archive, builder.End().ToArray());
        var tar = ExternalTool.Run("tar", ["-tf", archive], new ToolRunOptions
        {
            Environment = new Dictionary<string, string?> { ["LC_ALL"] = "C.UTF-8" },
        }).EnsureSuccess();

        using var stage = await StageImporter.ImportAsync(archive, new ImportOptions { SpoolDirectory = dir.Path });
        var boxer = Names.Select(n => Tail(stage.RootFs.Get(n))[2..]);

        Assert.Equal(tar.Stdout.TrimEnd('\n').Split('\n'), boxer);
    }

    // The path (and link) part of a listing line.
    private static string Tail(FsEntry entry) => EntryListing.FormatLine(entry).Split(' ', 6)[5];
}
