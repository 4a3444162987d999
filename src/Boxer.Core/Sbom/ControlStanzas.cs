namespace Boxer.Core.Sbom;

/// <summary>
/// Splits deb822 text (dpkg's status file) into stanzas of fields: stanzas are separated by blank lines, a
/// field is <c>Name: value</c>, a line starting with a space or tab continues the previous field. Field names
/// are case-insensitive; a repeated field keeps its first value. Lines that are neither are ignored.
/// </summary>
internal static class ControlStanzas
{
    public static IEnumerable<Dictionary<string, string>> Parse(string text)
    {
        var fields = NewStanza();
        string? last = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    yield return fields;
                    fields = NewStanza();
                }
                last = null;
                continue;
            }
            if (line[0] is ' ' or '\t')
            {
                if (last is not null)
                {
                    fields[last] += "\n" + line.Trim();
                }
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                last = null;
                continue;
            }
            last = line[..colon].Trim();
            if (!fields.TryAdd(last, line[(colon + 1)..].Trim()))
            {
                last = null;
            }
        }
        if (fields.Count > 0)
        {
            yield return fields;
        }
    }

    private static Dictionary<string, string> NewStanza() => new(StringComparer.OrdinalIgnoreCase);
}
