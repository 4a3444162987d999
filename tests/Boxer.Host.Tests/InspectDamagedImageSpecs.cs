using System.Buffers.Binary;
using Boxer.Core.Import;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests;

/// <summary>
/// <c>boxer inspect</c> of a damaged SIF or squashfs, run as a process: one line on stderr and exit 3 (bad input),
/// one spec per class of damage. The image is the basic fixture written by the squashfs writer, in a SIF.
/// </summary>
public sealed class InspectDamagedImageSpecs
{
    public static TheoryData<string, int, ulong, int> Damages => new()
    {
        // name, squashfs superblock field offset, value, field width in bytes
        { "block size 0", 12, 0, 4 },
        { "fragment count 0xffffffff", 16, 0xFFFFFFFF, 4 },
        { "id table near 2^63", 48, (1UL << 63) - 8, 8 },
        { "inode table near 2^63", 64, (1UL << 63) - 8, 8 },
        { "directory table near 2^63", 72, (1UL << 63) - 8, 8 },
        { "id count changed", 26, 0xFFFF, 2 },
        { "flipped version", 28, 0xFFFF, 2 },
        { "flipped bytes used", 40, ~0UL, 8 },
        { "flipped root inode", 32, ~0UL, 8 },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_damaged_squashfs_is_one_line_and_exit_3(string damage, int field, ulong value, int width)
    {
        using var dir = new TempDir();
        var image = await SquashfsAsync();
        Patch(image, 0, field, value, width);
        var path = dir.Combine("damaged");
        await File.WriteAllBytesAsync(path, image);

        await AssertBadInputAsync(path, damage);
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_SIF_with_a_damaged_partition_is_one_line_and_exit_3(string damage, int field, ulong value, int width)
    {
        using var dir = new TempDir();
        var sif = await SifAsync(await SquashfsAsync());
        int partition = (int)SifReader.Read(new MemoryStream(sif)).PrimaryPartition!.Offset;
        Assert.Equal("hsqs"u8.ToArray(), sif.AsSpan(partition, 4).ToArray());
        Patch(sif, partition, field, value, width);
        var path = dir.Combine("damaged");
        await File.WriteAllBytesAsync(path, sif);

        await AssertBadInputAsync(path, damage);
    }

    [Theory]
    [InlineData(88, 1L << 40)]
    [InlineData(96, long.MaxValue - 100)]
    [InlineData(4096 + 17, long.MaxValue - 10)]
    [InlineData(4096 + 25, -1)]
    [InlineData(64, long.MinValue)]
    public async Task A_SIF_with_a_damaged_header_or_descriptor_is_one_line_and_exit_3(int field, long value)
    {
        using var dir = new TempDir();
        var sif = await SifAsync(await SquashfsAsync());
        BinaryPrimitives.WriteInt64LittleEndian(sif.AsSpan(field), value);
        var path = dir.Combine("damaged");
        await File.WriteAllBytesAsync(path, sif);

        var result = await BoxerHost.RunAsync("inspect", path, "--quiet");

        // The created time (offset 64) is only printed: a wild one is shown raw, not an error.
        int expected = field == 64 ? 0 : 3;
        Assert.True(result.ExitCode == expected, $"field {field}: {result}");
        Assert.True(expected == 0 || result.StdErrLines.Count == 1, result.ToString());
    }

    private static async Task AssertBadInputAsync(string path, string damage)
    {
        foreach (var args in new[] { new[] { "inspect", path, "--quiet" }, ["inspect", path, "--list", "--quiet"] })
        {
            var result = await BoxerHost.RunAsync(args);

            Assert.True(result.ExitCode == 3, $"{damage}, {string.Join(' ', args[2..])}: {result}");
            Assert.Single(result.StdErrLines);
            Assert.StartsWith("boxer: damaged: ", result.StdErrLines[0]);
        }
    }

    private static void Patch(byte[] image, int start, int field, ulong value, int width)
    {
        var span = image.AsSpan(start + field, width);
        switch (width)
        {
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(span, value); break;
        }
    }

    private static async Task<byte[]> SquashfsAsync()
    {
        using var dir = new TempDir();
        using var stage = await StageImporter.ImportAsync(Fixtures.Basic("tar"), new ImportOptions { SpoolDirectory = dir.Path });
        using var image = new MemoryStream();
        await new SquashfsWriter(new SquashfsWriterOptions()).WriteAsync(stage.RootFs, image);
        return image.ToArray();
    }

    private static async Task<byte[]> SifAsync(byte[] squashfs)
    {
        using var sif = new MemoryStream();
        await new SifWriter().WriteAsync(sif, [
            SifObject.FromBytes(SifDataType.DefFile, "bootstrap: scratch\n"u8.ToArray()),
            SifObject.Partition(SifPartitionTypes.Squashfs, SifPartitionTypes.PrimarySystem, "02",
                (stream, token) => stream.WriteAsync(squashfs, token).AsTask()),
        ]);
        return sif.ToArray();
    }
}
