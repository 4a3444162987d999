using System.Globalization;

namespace Boxer.Formats.Tar;

/// <summary>
/// <see cref="TarReader"/> met something it cannot read. <see cref="Problem"/>, <see cref="EntryName"/> and
/// <see cref="Offset"/> are kept apart so a caller can word its own one-line message; <see cref="Exception.Message"/>
/// joins them with control characters replaced, since names come from the archive.
/// </summary>
public sealed class TarReadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What is wrong, e.g. <c>bad header checksum</c>.</param>
    /// <param name="entryName">The member at fault as the archive names it, when one is known.</param>
    /// <param name="offset">The offset in the uncompressed stream of the header at fault, when known.</param>
    public TarReadException(string problem, string? entryName, long? offset)
        : base(Compose(problem, entryName, offset))
    {
        Problem = problem;
        EntryName = entryName;
        Offset = offset;
    }

    /// <summary>The problem alone, without the entry and offset.</summary>
    public string Problem { get; }

    /// <summary>The member at fault as the archive names it (not escaped), when one is known.</summary>
    public string? EntryName { get; }

    /// <summary>The offset in the uncompressed tar stream of the header at fault, when known.</summary>
    public long? Offset { get; }

    private static string Compose(string problem, string? entryName, long? offset)
    {
        var parts = new List<string>(2);
        if (entryName is not null)
        {
            parts.Add($"entry '{new string([.. entryName.Select(c => char.IsControl(c) ? '?' : c)])}'");
        }
        if (offset is not null)
        {
            parts.Add("offset " + offset.Value.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? problem : $"{problem} ({string.Join(", ", parts)})";
    }
}
