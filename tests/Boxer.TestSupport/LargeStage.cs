using System.Formats.Tar;

namespace Boxer.TestSupport;

/// <summary>
/// A generated stage3 big enough that writing an image from it lasts a while (seconds, many progress
/// events), for specs that cancel in the middle of a write: the host's static busybox as <c>/bin/sh</c> (so
/// the architecture is detected) and incompressible files of 16 MiB, the writers' progress interval.
/// </summary>
public static class LargeStage
{
    private const int ChunkBytes = 16 << 20;

    /// <summary>Writes an uncompressed stage3 of about <paramref name="chunks"/> × 16 MiB to <paramref name="path"/>.</summary>
    public static string Write(string path, int chunks = 8)
    {
        var busybox = ExternalTool.Require("busybox");
        using var file = File.Create(path);
        using (var tar = new TarWriter(file, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(Directory("bin"));
            tar.WriteEntry(busybox, "bin/busybox");
            tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, "bin/sh") { LinkName = "busybox" });
            tar.WriteEntry(Directory("opt"));
            var random = new Random(7);
            var bytes = new byte[ChunkBytes];
            for (var i = 0; i < chunks; i++)
            {
                random.NextBytes(bytes);
                using var content = new MemoryStream(bytes, writable: false);
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, $"opt/blob-{i:D2}")
                {
                    DataStream = content,
                    Mode = (UnixFileMode)0b110_100_100,
                });
            }
        }
        return path;
    }

    private static PaxTarEntry Directory(string name) => new(TarEntryType.Directory, name)
    {
        Mode = (UnixFileMode)0b111_101_101,
    };
}
