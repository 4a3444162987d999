using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Listing;

namespace Boxer.Host.Cli;

/// <summary>The <c>inspect --list [--xattrs]</c> output, the same for a stage3's tree and an image's squashfs.</summary>
internal static class EntryListingWriter
{
    /// <summary>Streams the listing to stdout through one buffer; a million entries must not build one string.</summary>
    public static async Task WriteAsync(IEnumerable<FsEntry> entries, bool withXattrs, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        await using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(EntryListing.FormatLine(entry));
            if (!withXattrs)
            {
                continue;
            }
            foreach (var line in EntryListing.FormatXattrs(entry))
            {
                await writer.WriteLineAsync(line);
            }
        }
    }
}
