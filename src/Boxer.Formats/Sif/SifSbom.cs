using System.Buffers.Binary;

namespace Boxer.Formats.Sif;

/// <summary>Makes and reads SIF SBOM objects.</summary>
public static class SifSbom
{
    /// <summary>An SBOM object holding <paramref name="content"/> in <paramref name="format"/>.</summary>
    /// <param name="format">The document's format.</param>
    /// <param name="content">The document.</param>
    /// <returns>The object, in the default group as apptainer places data objects.</returns>
    public static SifObject Object(SifSbomFormat format, byte[] content)
    {
        var extra = new byte[SifLayout.DescriptorExtraSize];
        BinaryPrimitives.WriteInt32LittleEndian(extra, (int)format);
        return SifObject.FromBytes(SifDataType.Sbom, content) with { Extra = extra };
    }

    /// <summary>The format an SBOM descriptor records.</summary>
    /// <param name="descriptor">A descriptor of type <see cref="SifDataType.Sbom"/>.</param>
    /// <returns>The format.</returns>
    public static SifSbomFormat FormatOf(SifDescriptor descriptor) => (SifSbomFormat)BinaryPrimitives.ReadInt32LittleEndian(descriptor.Extra);
}
