using System.Text;

namespace Boxer.Core.Stage;

/// <summary>Parses os-release (shell-style <c>KEY=value</c> lines with optional quotes and backslash escapes).</summary>
internal static class OsReleaseParser
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            int equals = line.IndexOf('=');
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }
            var key = line[..equals].Trim();
            if (key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                values[key] = Unquote(line[(equals + 1)..].Trim());
            }
        }
        return values;
    }

    private static string Unquote(string value)
    {
        var result = new StringBuilder(value.Length);
        char quote = '\0';
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (quote == '\0' && c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (c == '\\' && quote != '\'' && i + 1 < value.Length)
            {
                // Inside double quotes only $ " \ ` are escapable, as in the shell.
                if (quote == '"' && value[i + 1] is not ('$' or '"' or '\\' or '`'))
                {
                    result.Append(c);
                }
                result.Append(value[++i]);
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
