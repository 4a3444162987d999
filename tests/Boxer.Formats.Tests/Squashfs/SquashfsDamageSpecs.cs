using System.Buffers.Binary;
using Boxer.Formats.Squashfs;
using Boxer.Formats.Tests.Squashfs.Support;

namespace Boxer.Formats.Tests.Squashfs;

/// <summary>
/// A damaged image is a <see cref="SquashfsException"/>, never another exception and never an allocation from an
/// unchecked count: one spec per class of damage (superblock offsets are those of the squashfs 4.0 layout).
/// </summary>
public sealed class SquashfsDamageSpecs
{
    private const int BlockSizeField = 12;
    private const int FragmentCountField = 16;
    private const int IdCountField = 26;
    private const int BytesUsedField = 40;

    [Fact]
    public async Task A_block_size_of_zero_is_a_damaged_image()
    {
        var image = await ImageAsync();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(BlockSizeField), 0);

        var e = AssertDamaged(image);

        Assert.Contains("block size 0", e.Message);
    }

    [Fact]
    public async Task A_fragment_count_of_0xffffffff_is_a_damaged_image()
    {
        var image = await ImageAsync();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(FragmentCountField), 0xFFFFFFFF);

        var e = AssertDamaged(image);

        Assert.Contains("fragment count 4294967295", e.Message);
    }

    [Theory]
    [InlineData(48, "id table")]
    [InlineData(56, "xattr table")]
    [InlineData(64, "inode table")]
    [InlineData(72, "directory table")]
    [InlineData(80, "fragment table")]
    public async Task A_table_that_starts_near_2_pow_63_is_a_damaged_image(int field, string table)
    {
        var image = await ImageAsync();
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(field), (1UL << 63) - 8);

        var e = AssertDamaged(image);

        Assert.Contains(table, e.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task An_id_count_that_disagrees_with_the_id_table_is_a_damaged_image(int change)
    {
        var image = await ImageAsync();
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(image.AsSpan(IdCountField));
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(IdCountField), (ushort)(count + change));

        var e = AssertDamaged(image);

        Assert.Contains("id table", e.Message);
    }

    [Fact]
    public async Task A_truncated_image_is_a_damaged_image()
    {
        var image = await ImageAsync();
        long used = (long)BinaryPrimitives.ReadUInt64LittleEndian(image.AsSpan(BytesUsedField));

        var e = AssertDamaged(image[..(int)(used - 1)]);

        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public async Task Every_superblock_byte_flipped_reads_or_is_a_damaged_image()
    {
        var pristine = await ImageAsync();
        for (int at = 4; at < 96; at++)
        {
            var image = pristine.ToArray();
            image[at] ^= 0xFF;
            try
            {
                ReadEverything(image);
            }
            catch (SquashfsException)
            {
                // A damaged image, as it should be.
            }
            catch (Exception e)
            {
                Assert.Fail($"superblock byte {at} flipped: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static SquashfsException AssertDamaged(byte[] image) => Assert.Throws<SquashfsException>(() => ReadEverything(image));

    /// <summary>Opens, lists and reads every file, as inspect and the tests do.</summary>
    private static void ReadEverything(byte[] image)
    {
        using var reader = new SquashfsReader(new MemoryStream(image, writable: false));
        foreach (var entry in reader.Entries.ToList())
        {
            if (entry.Entry.Kind == Boxer.Abstractions.EntryKind.File)
            {
                reader.ReadContent(entry);
            }
        }
    }

    private static async Task<byte[]> ImageAsync()
    {
        using var stream = new MemoryStream();
        await new SquashfsWriter(new SquashfsWriterOptions()).WriteAsync(SampleTrees.EveryKind(), stream);
        return stream.ToArray();
    }
}
