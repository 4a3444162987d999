namespace Boxer.Formats.Sif;

/// <summary>
/// A SIF's header and descriptor table as bytes: what signing and verifying need, since the signed digests
/// cover raw fields (the UID and GID boxer never writes, the name and extra bytes in full).
/// </summary>
internal sealed class SifRawImage
{
    private SifRawImage(byte[] head, SifHeader header, List<SifRawObject> objects)
    {
        Head = head;
        Header = header;
        Objects = objects;
    }

    public byte[] Head { get; }

    public SifHeader Header { get; }

    public IReadOnlyList<SifRawObject> Objects { get; }

    /// <summary>The object group numbers in use, ascending (0, "no group", excluded).</summary>
    public IReadOnlyList<uint> GroupIds => [.. Objects.Select(o => o.Descriptor.GroupId).Where(g => g != 0).Distinct().Order()];

    /// <summary>The objects of a group, by ascending ID.</summary>
    public IReadOnlyList<SifRawObject> Group(uint groupId) =>
        [.. Objects.Where(o => o.Descriptor.GroupId == groupId).OrderBy(o => o.Descriptor.Id)];

    /// <summary>Reads the header and table (after <see cref="SifReader"/> has checked them).</summary>
    /// <exception cref="InvalidDataException">Not a SIF file, or one whose table or objects lie outside it.</exception>
    public static SifRawImage Read(Stream stream)
    {
        var image = SifReader.Read(stream);
        var head = new byte[SifLayout.HeaderSize];
        stream.Position = 0;
        stream.ReadExactly(head);
        var table = new byte[image.Header.DescriptorsTotal * SifLayout.DescriptorSize];
        stream.Position = image.Header.DescriptorsOffset;
        stream.ReadExactly(table);
        var objects = new List<SifRawObject>();
        for (int slot = 0; slot < image.Header.DescriptorsTotal; slot++)
        {
            var raw = table.AsSpan(slot * SifLayout.DescriptorSize, SifLayout.DescriptorSize).ToArray();
            if (SifDescriptor.Read(raw) is { } descriptor)
            {
                objects.Add(new SifRawObject(slot, raw, descriptor));
            }
        }
        return new SifRawImage(head, image.Header, objects);
    }
}
