using System.Text;

namespace Boxer.Core.Recipes.Plan;

/// <summary>Describes a content change: a unified diff for text, sizes only for binary or very large files.</summary>
internal static class ContentDiff
{
    private const int MaxDiffBytes = 1 << 20;

    /// <summary>The change, or null when the bytes are in fact equal.</summary>
    public static ContentChange? Of(byte[] before, byte[] after, string path)
    {
        if (before.AsSpan().SequenceEqual(after))
        {
            return null;
        }
        var diff = IsText(before) && IsText(after) && before.Length + after.Length <= MaxDiffBytes
            ? UnifiedDiff.Format(Lines(before), Lines(after), path)
            : null;
        return new ContentChange(before.Length, after.Length, diff);
    }

    private static bool IsText(byte[] bytes)
    {
        if (bytes.AsSpan().Contains((byte)0))
        {
            return false;
        }
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string[] Lines(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.Length == 0)
        {
            return [];
        }
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : [.. lines[..^1], lines[^1] + "\n\\ No newline at end of file"];
    }
}
