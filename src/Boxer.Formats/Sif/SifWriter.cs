using System.Text;

namespace Boxer.Formats.Sif;

/// <summary>
/// Writes a SIF ("01") file: a global header, a fixed table of descriptors, then each object's bytes in order.
/// <code>
///  0      +------------------------------------------+
///         | launch script (32)  "#!/usr/bin/env ..." |
///  32     | "SIF_MAGIC\0" | "01\0" | arch "02\0"     |
///  48     | UUID (16) | created | modified          |
///  80     | descriptors free/total/offset/size      |
///  112    | data offset | data size                  |
///  128    | zero to 4096                              |
///  4096   +------------------------------------------+
///         | descriptor 1 (585 bytes)                 |  type, used, id, group|0xF0000000, link,
///         | descriptor 2                             |  offset, size, size+gap, times, uid,
///         | ... capacity slots, unused all zero      |  gid, name[128], extra[384]
///  32176  +------------------------------------------+  (4096 + 48 * 585)
///         | object 1 (def file, packed)              |
///         | object 2 (JSON, packed)                  |
///         | zero gap to 4096                         |
///         | object 3 (squashfs partition, aligned)   |
///         +------------------------------------------+
/// </code>
/// Objects are written first (streamed, a partition straight from its writer), then the header and
/// descriptors are filled in, so the output stream must be seekable.
/// </summary>
public sealed class SifWriter(SifWriterOptions? options = null)
{
    private readonly SifWriterOptions _options = options ?? SifWriterOptions.Deterministic;

    /// <summary>Writes a SIF holding <paramref name="objects"/> to <paramref name="output"/> (from its start).</summary>
    /// <param name="output">A writable, seekable stream, positioned at 0.</param>
    /// <param name="objects">The objects, in file order; IDs are assigned 1, 2, … in this order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The descriptors written.</returns>
    public async Task<IReadOnlyList<SifDescriptor>> WriteAsync(Stream output, IReadOnlyList<SifObject> objects, CancellationToken cancellationToken = default)
    {
        if (!output.CanSeek)
        {
            throw new ArgumentException("the output stream must be seekable", nameof(output));
        }
        if (objects.Count > _options.DescriptorCapacity)
        {
            throw new ArgumentException($"{objects.Count} objects do not fit {_options.DescriptorCapacity} descriptors", nameof(objects));
        }
        if (Encoding.UTF8.GetByteCount(_options.LaunchScript) >= SifLayout.LaunchScriptSize)
        {
            throw new ArgumentException("the launch script must be shorter than 32 bytes", nameof(options));
        }
        long dataOffset = SifLayout.DescriptorsStart + (long)_options.DescriptorCapacity * SifLayout.DescriptorSize;
        output.SetLength(0);
        output.Position = dataOffset;
        var descriptors = new List<SifDescriptor>();
        string arch = SifArchitecture.Unknown;
        foreach (var item in objects)
        {
            descriptors.Add(await WriteObjectAsync(output, item, (uint)descriptors.Count + 1, cancellationToken).ConfigureAwait(false));
            arch = item.PrimaryArch ?? arch;
        }
        long end = output.Position;
        WriteTables(output, descriptors, arch, dataOffset, end);
        output.Position = end;
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return descriptors;
    }

    private async Task<SifDescriptor> WriteObjectAsync(Stream output, SifObject item, uint id, CancellationToken cancellationToken)
    {
        int alignment = item.Alignment ?? (item.DataType == SifDataType.Partition ? SifLayout.PartitionAlignment : 0);
        long before = output.Position;
        long offset = alignment > 1 ? (before + alignment - 1) / alignment * alignment : before;
        if (offset > before)
        {
            output.Write(new byte[offset - before]);
        }
        await item.WriteContentAsync(output, cancellationToken).ConfigureAwait(false);
        long size = output.Position - offset;
        return new SifDescriptor(item.DataType, id, item.GroupId, item.LinkedId, offset, size, size + (offset - before),
            _options.Time, _options.Time, item.Name, item.Extra);
    }

    private void WriteTables(Stream output, List<SifDescriptor> descriptors, string arch, long dataOffset, long end)
    {
        var table = new byte[dataOffset];
        var header = new SifHeader(_options.LaunchScript, arch, _options.Id, _options.Time, _options.Time,
            _options.DescriptorCapacity - descriptors.Count, _options.DescriptorCapacity, SifLayout.DescriptorsStart,
            (long)_options.DescriptorCapacity * SifLayout.DescriptorSize, dataOffset, end - dataOffset);
        header.Write(table);
        for (int i = 0; i < descriptors.Count; i++)
        {
            descriptors[i].Write(table.AsSpan(SifLayout.DescriptorsStart + i * SifLayout.DescriptorSize));
        }
        output.Position = 0;
        output.Write(table);
    }
}
