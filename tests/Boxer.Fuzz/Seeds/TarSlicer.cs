using Boxer.Fuzz.Mutation;

namespace Boxer.Fuzz.Seeds;

/// <summary>Cuts a small seed from a big archive: whole members (with their extended headers) while they fit.</summary>
public static class TarSlicer
{
    /// <summary>At most <paramref name="budget"/> bytes of members, skipping files over <paramref name="maxMember"/>, then the end blocks.</summary>
    public static byte[] Slice(byte[] tar, int budget, int maxMember)
    {
        var headers = TarMutator.Headers(tar);
        var kept = new List<byte>();
        int groupStart = -1;
        for (int i = 0; i < headers.Count; i++)
        {
            int at = headers[i];
            int end = i + 1 < headers.Count ? headers[i + 1] : Math.Min(tar.Length, at + 512);
            char type = (char)tar[at + 156];
            groupStart = groupStart < 0 ? at : groupStart;
            if (type is 'x' or 'g' or 'L' or 'K')
            {
                continue;
            }
            int length = end - groupStart;
            if (length <= maxMember + 2048 && kept.Count + length <= budget)
            {
                kept.AddRange(tar.AsSpan(groupStart, length).ToArray());
            }
            groupStart = -1;
        }
        kept.AddRange(new byte[1024]);
        return [.. kept];
    }
}
