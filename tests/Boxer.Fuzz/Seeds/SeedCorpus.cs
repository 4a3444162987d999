using Boxer.Core.Import;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;
using Boxer.TestSupport;
using SharpCompress.Compressors.Xz;

namespace Boxer.Fuzz.Seeds;

/// <summary>
/// The seed inputs, built once per process from what the repository has: slices of the basic fixture tar and of
/// the demo stage3, a synthesized tar (PAX, GNU long name, an ARM /bin/sh, os-release), ELF headers, and a
/// squashfs and SIF written by boxer's own writers from that tar.
/// </summary>
public sealed class SeedCorpus
{
    private const int SliceBytes = 64 << 10;
    private const int SliceMemberBytes = 4 << 10;

    private readonly Lazy<IReadOnlyList<byte[]>> _tars;
    private readonly Lazy<IReadOnlyList<byte[]>> _squashfs;
    private readonly Lazy<IReadOnlyList<byte[]>> _sifs;

    /// <summary>A corpus that reads the fixtures and demo only when a seed is first asked for.</summary>
    public SeedCorpus()
    {
        _tars = new(() => [SeedTar.Build(), TarSlicer.Slice(File.ReadAllBytes(Fixtures.Basic("tar")), SliceBytes, SliceMemberBytes), TarSlicer.Slice(DemoTar(), SliceBytes, SliceMemberBytes)]);
        _squashfs = new(() => [Squashfs(Tars[1], new SquashfsWriterOptions()), Squashfs(Tars[0], new SquashfsWriterOptions { Compression = Boxer.Formats.Compression.BlockCompression.Zstd, CompressionLevel = 3, BlockSize = 4096 })]);
        _sifs = new(() => [Sif(_squashfs.Value[0])]);
    }

    /// <summary>Tar archives (uncompressed).</summary>
    public IReadOnlyList<byte[]> Tars => _tars.Value;

    /// <summary>Squashfs images.</summary>
    public IReadOnlyList<byte[]> SquashfsImages => _squashfs.Value;

    /// <summary>SIF files with a squashfs primary partition.</summary>
    public IReadOnlyList<byte[]> Sifs => _sifs.Value;

    private static byte[] DemoTar()
    {
        using var xz = new XZStream(File.OpenRead(Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz")));
        using var tar = new MemoryStream();
        xz.CopyTo(tar);
        return tar.ToArray();
    }

    private static byte[] Squashfs(byte[] tar, SquashfsWriterOptions options)
    {
        using var dir = new TempDir("boxer-fuzz-");
        var path = Path.Combine(dir.Path, "seed.tar");
        File.WriteAllBytes(path, tar);
        using var stage = StageImporter.ImportAsync(path, new ImportOptions { SpoolDirectory = dir.Path }).GetAwaiter().GetResult();
        using var image = new MemoryStream();
        new SquashfsWriter(options).WriteAsync(stage.RootFs, image).GetAwaiter().GetResult();
        return image.ToArray();
    }

    private static byte[] Sif(byte[] squashfs)
    {
        using var sif = new MemoryStream();
        new SifWriter().WriteAsync(sif, [
            SifObject.FromBytes(SifDataType.DefFile, "bootstrap: scratch\n"u8.ToArray()),
            SifObject.Partition(SifPartitionTypes.Squashfs, SifPartitionTypes.PrimarySystem, "03",
                (stream, token) => stream.WriteAsync(squashfs, token).AsTask()),
        ]).GetAwaiter().GetResult();
        return sif.ToArray();
    }
}
