using System.Text;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// A unified diff (<c>diff -u</c> layout, 3 lines of context) from a longest-common-subsequence line match.
/// Quadratic, which is fine for the configuration files recipes edit; callers cap the input size.
/// </summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Format(string[] a, string[] b, string path)
    {
        var ops = Operations(a, b);
        var sb = new StringBuilder().Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < ops.Count)
        {
            if (ops[i].Kind == ' ')
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - Context);
            var end = HunkEnd(ops, i);
            AppendHunk(sb, ops, start, end);
            i = end;
        }
        return sb.ToString();
    }

    private static int HunkEnd(List<(char Kind, string Line, int A, int B)> ops, int i)
    {
        var end = i;
        var quiet = 0;
        while (end < ops.Count && quiet <= 2 * Context)
        {
            quiet = ops[end].Kind == ' ' ? quiet + 1 : 0;
            end++;
        }
        return end - Math.Max(0, quiet - Context);
    }

    private static void AppendHunk(StringBuilder sb, List<(char Kind, string Line, int A, int B)> ops, int start, int end)
    {
        var slice = ops.GetRange(start, end - start);
        var aCount = slice.Count(o => o.Kind != '+');
        var bCount = slice.Count(o => o.Kind != '-');
        var aStart = aCount == 0 ? slice[0].A : slice[0].A + 1;
        var bStart = bCount == 0 ? slice[0].B : slice[0].B + 1;
        sb.Append($"@@ -{aStart},{aCount} +{bStart},{bCount} @@\n");
        foreach (var op in slice)
        {
            sb.Append(op.Kind).Append(op.Line).Append('\n');
        }
    }

    // Each operation remembers how many lines of a and b precede it, for the hunk headers.
    private static List<(char Kind, string Line, int A, int B)> Operations(string[] a, string[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var x = a.Length - 1; x >= 0; x--)
        {
            for (var y = b.Length - 1; y >= 0; y--)
            {
                lcs[x, y] = a[x] == b[y] ? lcs[x + 1, y + 1] + 1 : Math.Max(lcs[x + 1, y], lcs[x, y + 1]);
            }
        }
        var ops = new List<(char, string, int, int)>();
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            if (i < a.Length && j < b.Length && a[i] == b[j])
            {
                ops.Add((' ', a[i], i++, j++));
            }
            else if (i < a.Length && (j == b.Length || lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                ops.Add(('-', a[i], i++, j));
            }
            else
            {
                ops.Add(('+', b[j], i, j++));
            }
        }
        return ops;
    }
}
