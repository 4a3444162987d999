using Boxer.Abstractions;
using Boxer.Formats.Squashfs;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.Host.Cli;

namespace Boxer.Fuzz.Targets;

/// <summary>
/// The squashfs reader as <c>boxer inspect IMAGE [--list]</c> uses it, plus reading every file's content.
/// The typed refusals are those inspect maps to exit 3.
/// </summary>
public sealed class SquashfsTarget : IFuzzTarget
{
    private const int MaxEntries = 1 << 20;
    private const long MaxContent = 64 << 20;

    /// <inheritdoc/>
    public string Name => "squashfs";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) => corpus.SquashfsImages;

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => SquashfsMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input)
    {
        try
        {
            return ReadAll(new MemoryStream(input, writable: false), 0);
        }
        catch (Exception e) when (IsRefusal(e))
        {
            return $"refused: {e.Message}";
        }
    }

    /// <summary>The exceptions <c>boxer inspect</c> turns into "bad input" (exit 3).</summary>
    public static bool IsRefusal(Exception e) => e is InvalidDataException or SquashfsException or EndOfStreamException;

    /// <summary>Facts, every entry, and the content of every file while the total stays small.</summary>
    public static string ReadAll(Stream image, long offset)
    {
        using var reader = new SquashfsReader(image, offset, leaveOpen: true);
        ImageFactsPrinter.PrintSquashfs("image", reader.Summary, TextWriter.Null);
        int entries = 0;
        long content = 0;
        foreach (var entry in reader.Entries)
        {
            if (++entries > MaxEntries)
            {
                throw new InvalidOperationException($"more than {MaxEntries} entries: the listing does not end");
            }
            if (entry.Entry.Kind == EntryKind.File && content + entry.Entry.Size <= MaxContent)
            {
                content += reader.ReadContent(entry).Length;
            }
        }
        return $"ok: {entries} entries, {content} bytes";
    }
}
