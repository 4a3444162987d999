using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Sbom;

/// <summary>
/// Reads a package-database file from the tree defensively: a regular file only (links are not followed, as
/// everywhere in the tree), at most <see cref="MaxSize"/> bytes, invalid UTF-8 replaced. A file that fails
/// any of that is a warning, never an exception: a damaged database must not stop a build.
/// </summary>
internal static class DatabaseFile
{
    /// <summary>Far above a real status file (Debian with 5000 packages: ~10 MB); bounds memory on hostile input.</summary>
    public const long MaxSize = 256L << 20;

    /// <summary>The text of <paramref name="path"/>, or null (missing: silently; unusable: with a warning).</summary>
    public static string? ReadText(IReadOnlyRootFs tree, string path, ICollection<string> warnings, long maxSize = MaxSize)
    {
        var entry = tree.Find(path);
        if (entry is null)
        {
            return null;
        }
        if (entry.Kind is not (EntryKind.File or EntryKind.HardLink))
        {
            warnings.Add($"sbom: /{path} is not a regular file; skipped");
            return null;
        }
        if (entry.Size > maxSize)
        {
            warnings.Add($"sbom: /{path} is {entry.Size} bytes, more than {maxSize}; skipped");
            return null;
        }
        try
        {
            return new UTF8Encoding(false, false).GetString(tree.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FileNotFoundException)
        {
            warnings.Add($"sbom: cannot read /{path}: {e.Message}; skipped");
            return null;
        }
    }

    /// <summary>The first line of a small one-value file (Portage's PF, SLOT …), trimmed; null when missing or empty.</summary>
    public static string? ReadValue(IReadOnlyRootFs tree, string path, ICollection<string> warnings)
    {
        const long MaxValueSize = 64 << 10;
        string? text = ReadText(tree, path, warnings, MaxValueSize);
        if (text is null)
        {
            return null;
        }
        int end = text.IndexOf('\n');
        string value = (end < 0 ? text : text[..end]).Trim();
        return value.Length == 0 ? null : value;
    }
}
