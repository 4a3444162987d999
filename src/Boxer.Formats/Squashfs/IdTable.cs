namespace Boxer.Formats.Squashfs;

/// <summary>The uid/gid table: each distinct id once, in order of first use; inodes store 16-bit indexes.</summary>
internal sealed class IdTable
{
    private readonly Dictionary<uint, ushort> _indexes = [];
    private readonly List<uint> _ids = [];

    public IReadOnlyList<uint> Ids => _ids;

    public ushort IndexOf(int id, string path)
    {
        uint key = unchecked((uint)id);
        if (_indexes.TryGetValue(key, out var index))
        {
            return index;
        }
        if (_ids.Count == SquashfsLayout.MaxIds)
        {
            throw new SquashfsException($"more than {SquashfsLayout.MaxIds} distinct owner ids (at '{path}')") { EntryPath = path };
        }
        index = (ushort)_ids.Count;
        _ids.Add(key);
        _indexes.Add(key, index);
        return index;
    }
}
