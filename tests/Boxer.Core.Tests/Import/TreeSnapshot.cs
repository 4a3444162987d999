using System.Security.Cryptography;
using Boxer.Abstractions;
using Boxer.Core.Listing;

namespace Boxer.Core.Tests.Import;

/// <summary>Every entry's listing line, xattr bytes and content hash: two trees are the same when these are.</summary>
internal static class TreeSnapshot
{
    public static List<string> Of(IReadOnlyRootFs tree) =>
        [.. tree.Entries.SelectMany(e => (IEnumerable<string>)[
            EntryListing.FormatLine(e) + $" mtime={e.ModifiedTime} names={e.UserName}:{e.GroupName}",
            .. EntryListing.FormatXattrs(e),
            .. e.Kind == EntryKind.File ? [$"  sha256={Convert.ToHexStringLower(SHA256.HashData(tree.ReadAllBytes(e.Path)))}"] : Array.Empty<string>(),
        ])];
}
