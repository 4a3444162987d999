using System.Buffers.Binary;
using Boxer.Formats.Sif;

namespace Boxer.Formats.Tests.Sif;

/// <summary>A damaged SIF is an <see cref="InvalidDataException"/> naming the problem, whatever field is wrong.</summary>
public sealed class SifDamageSpecs
{
    private const int DescriptorsTotalField = 88;
    private const int DescriptorsOffsetField = 96;
    private const int FirstDescriptor = 4096;
    private const int DescriptorOffsetField = 17;
    private const int DescriptorSizeField = 25;

    [Theory]
    [InlineData(-1)]
    [InlineData(1 << 20)]
    public async Task An_implausible_descriptor_count_is_a_damaged_file(long total)
    {
        var sif = await SifAsync();
        BinaryPrimitives.WriteInt64LittleEndian(sif.AsSpan(DescriptorsTotalField), total);

        var e = Assert.Throws<InvalidDataException>(() => SifReader.Read(new MemoryStream(sif)));

        Assert.Contains("descriptor count", e.Message);
    }

    [Theory]
    [InlineData(long.MaxValue - 100)]
    [InlineData(-4096)]
    [InlineData(0)]
    public async Task A_descriptor_table_outside_the_file_is_a_damaged_file(long offset)
    {
        var sif = await SifAsync();
        BinaryPrimitives.WriteInt64LittleEndian(sif.AsSpan(DescriptorsOffsetField), offset);

        var e = Assert.Throws<InvalidDataException>(() => SifReader.Read(new MemoryStream(sif)));

        Assert.Contains("descriptor table", e.Message);
    }

    [Theory]
    [InlineData(DescriptorOffsetField, long.MaxValue - 10)]
    [InlineData(DescriptorOffsetField, -1)]
    [InlineData(DescriptorSizeField, long.MaxValue)]
    [InlineData(DescriptorSizeField, -5)]
    public async Task An_object_outside_the_file_is_a_damaged_file(int field, long value)
    {
        var sif = await SifAsync();
        BinaryPrimitives.WriteInt64LittleEndian(sif.AsSpan(FirstDescriptor + field), value);

        var e = Assert.Throws<InvalidDataException>(() => SifReader.Read(new MemoryStream(sif)));

        Assert.Contains("lies outside the file", e.Message);
    }

    [Fact]
    public async Task A_truncated_descriptor_table_is_a_damaged_file()
    {
        var sif = await SifAsync();

        var e = Assert.Throws<InvalidDataException>(() => SifReader.Read(new MemoryStream(sif[..(FirstDescriptor + 100)])));

        Assert.Contains("descriptor table", e.Message);
    }

    private static async Task<byte[]> SifAsync()
    {
        using var stream = new MemoryStream();
        await new SifWriter().WriteAsync(stream, [SifObject.FromBytes(SifDataType.DefFile, "bootstrap: scratch\n"u8.ToArray())]);
        return stream.ToArray();
    }
}
