namespace Boxer.Formats.Sif;

/// <summary>Reads SIF files: header, descriptors and object bytes. Accepts the older layout (data at 32768, all objects aligned).</summary>
public static class SifReader
{
    /// <summary>Reads the header and descriptors.</summary>
    /// <param name="stream">A readable, seekable stream over the whole file.</param>
    /// <returns>The image's structure.</returns>
    /// <exception cref="InvalidDataException">Not a SIF file, truncated, or a count or offset that cannot be right for the file's length.</exception>
    public static SifImage Read(Stream stream)
    {
        var head = new byte[SifLayout.HeaderSize];
        stream.Position = 0;
        ReadExactly(stream, head, "header");
        var header = SifHeader.Read(head);
        if (header.DescriptorsTotal is < 0 or > 1 << 16)
        {
            throw new InvalidDataException($"implausible descriptor count {header.DescriptorsTotal}");
        }
        long tableSize = header.DescriptorsTotal * SifLayout.DescriptorSize;
        if (header.DescriptorsOffset < SifLayout.HeaderSize || header.DescriptorsOffset > stream.Length - tableSize)
        {
            throw new InvalidDataException(
                $"the descriptor table ({header.DescriptorsTotal} descriptors at offset {header.DescriptorsOffset}) lies outside the file ({stream.Length} bytes)");
        }
        var table = new byte[header.DescriptorsTotal * SifLayout.DescriptorSize];
        stream.Position = header.DescriptorsOffset;
        ReadExactly(stream, table, "descriptors");
        var descriptors = new List<SifDescriptor>();
        for (int i = 0; i < header.DescriptorsTotal; i++)
        {
            if (SifDescriptor.Read(table.AsSpan(i * SifLayout.DescriptorSize, SifLayout.DescriptorSize)) is { } d)
            {
                if (d.Offset < 0 || d.Size < 0 || d.Offset > stream.Length - d.Size)
                {
                    throw new InvalidDataException($"object {d.Id} ({d.Size} bytes at offset {d.Offset}) lies outside the file ({stream.Length} bytes)");
                }
                descriptors.Add(d);
            }
        }
        return new SifImage(header, descriptors);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The SIF file.</param>
    /// <returns>The image's structure.</returns>
    public static SifImage Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads an object's bytes.</summary>
    /// <param name="stream">The SIF file.</param>
    /// <param name="descriptor">The object's descriptor.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidDataException">The object is too large for one array, or the file is truncated.</exception>
    public static byte[] ReadObject(Stream stream, SifDescriptor descriptor)
    {
        if (descriptor.Size < 0 || descriptor.Size > Array.MaxLength)
        {
            throw new InvalidDataException($"object {descriptor.Id} has {descriptor.Size} bytes, too many to read into memory");
        }
        var bytes = new byte[descriptor.Size];
        stream.Position = descriptor.Offset;
        ReadExactly(stream, bytes, $"object {descriptor.Id}");
        return bytes;
    }

    private static void ReadExactly(Stream stream, byte[] buffer, string what)
    {
        if (stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) != buffer.Length)
        {
            throw new InvalidDataException($"SIF file truncated in its {what}");
        }
    }
}
