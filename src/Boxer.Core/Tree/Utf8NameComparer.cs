namespace Boxer.Core.Tree;

/// <summary>
/// Orders names by their UTF-8 bytes without encoding them. UTF-16 ordinal order equals UTF-8 byte
/// order except between surrogates (D800–DFFF, i.e. code points above FFFF) and E000–FFFF; shifting those
/// two ranges past each other fixes it.
/// </summary>
internal sealed class Utf8NameComparer : IComparer<string>
{
    public static Utf8NameComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        int n = Math.Min(x.Length, y.Length);
        for (int i = 0; i < n; i++)
        {
            char a = x[i], b = y[i];
            if (a != b)
            {
                return Fix(a) - Fix(b);
            }
        }
        return x.Length - y.Length;
    }

    private static int Fix(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' and <= '\uDFFF' => c + 0x2000,
        _ => c,
    };
}
