using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Tar;

namespace Boxer.Formats.Tests.Tar;

/// <summary>
/// The shared layout table checked against POSIX's offsets written out here, independently of it: GNU tar
/// forgives a field moved by one byte (it reads a leading NUL as zero), and a reader sharing the writer's
/// table would agree with any mistake in it.
/// </summary>
public sealed class UstarOffsetSpecs
{
    private static readonly FsEntry Device = new()
    {
        Path = "dev/tty9",
        Kind = EntryKind.CharDevice,
        Mode = 0b110_100_000,
        Uid = 1234,
        Gid = 5,
        UserName = "root",
        GroupName = "tty",
        ModifiedTime = new UnixTime(1_700_000_000),
        DeviceMajor = 4,
        DeviceMinor = 9,
    };

    [Fact]
    public async Task Every_written_field_sits_at_its_POSIX_offset()
    {
        var block = await WriteAsync(Device, null);

        Assert.Equal("dev/tty9", Field(block, 0, 100));
        Assert.Equal("0000640", Field(block, 100, 8));
        Assert.Equal("0002322", Field(block, 108, 8));
        Assert.Equal("0000005", Field(block, 116, 8));
        Assert.Equal("00000000000", Field(block, 124, 12));
        Assert.Equal("14524770400", Field(block, 136, 12));
        Assert.Equal((byte)'3', block[156]);
        Assert.Equal("ustar", Field(block, 257, 6));
        Assert.Equal("00", Encoding.ASCII.GetString(block, 263, 2));
        Assert.Equal("root", Field(block, 265, 32));
        Assert.Equal("tty", Field(block, 297, 32));
        Assert.Equal("0000004", Field(block, 329, 8));
        Assert.Equal("0000011", Field(block, 337, 8));
    }

    [Fact]
    public async Task A_file_s_size_sits_at_offset_124_and_the_reader_gets_every_field_back()
    {
        var file = Device with { Path = "etc/motd", Kind = EntryKind.File, Size = 3, DeviceMajor = 0, DeviceMinor = 0 };
        var bytes = await WriteAsync(file, "hi\n"u8.ToArray());

        Assert.Equal("00000000003", Field(bytes, 124, 12));
        var reader = new TarReader(new TarBlockSource(new MemoryStream(bytes)));
        var entry = reader.Next()!;
        Assert.Equal(
            ("etc/motd", EntryKind.File, 0b110_100_000, 1234, 5, "root", "tty", 1_700_000_000L, 3L),
            (entry.Name, entry.Kind, entry.Mode, entry.Uid, entry.Gid, entry.UserName, entry.GroupName, entry.ModifiedTime.Seconds, entry.Size));
    }

    private static async Task<byte[]> WriteAsync(FsEntry entry, byte[]? content)
    {
        using var output = new MemoryStream();
        var writer = new TarWriter(output);
        await writer.WriteEntryAsync(entry, content is null ? null : new MemoryStream(content), CancellationToken.None);
        await writer.FinishAsync(CancellationToken.None);
        return output.ToArray();
    }

    private static string Field(byte[] block, int offset, int length)
    {
        var field = block.AsSpan(offset, length);
        int end = field.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? field : field[..end]);
    }
}
