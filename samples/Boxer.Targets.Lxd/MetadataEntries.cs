using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Tar;

namespace Boxer.Targets.Lxd;

/// <summary>
/// The non-rootfs members of an LXD image (<c>metadata.yaml</c>, <c>templates/</c>), owned by root and stamped
/// with the image's creation time so two builds with the same SOURCE_DATE_EPOCH give the same bytes.
/// </summary>
internal sealed class MetadataEntries(LxdMetadata metadata, DateTimeOffset created)
{
    private const int FileMode = 0b110_100_100;
    private const int DirectoryMode = 0b111_101_101;

    private readonly UnixTime _time = new(created.ToUnixTimeSeconds());

    /// <summary>Writes the members into <paramref name="tar"/> (without the end blocks).</summary>
    public async Task WriteAsync(TarWriter tar, CancellationToken cancellationToken)
    {
        await WriteFileAsync(tar, "metadata.yaml", metadata.Yaml(), cancellationToken).ConfigureAwait(false);
        await tar.WriteEntryAsync(Entry("templates", EntryKind.Directory, DirectoryMode, 0), cancellationToken).ConfigureAwait(false);
        foreach (var (_, template, text) in LxdMetadata.Templates)
        {
            await WriteFileAsync(tar, "templates/" + template, text, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The members as a complete, uncompressed tar archive.</summary>
    public async Task<byte[]> ToTarAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var tar = new TarWriter(buffer);
        await WriteAsync(tar, cancellationToken).ConfigureAwait(false);
        await tar.FinishAsync(cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private async Task WriteFileAsync(TarWriter tar, string path, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var content = new MemoryStream(bytes, writable: false);
        await tar.WriteEntryAsync(Entry(path, EntryKind.File, FileMode, bytes.Length), content, cancellationToken).ConfigureAwait(false);
    }

    private FsEntry Entry(string path, EntryKind kind, int mode, long size) => new()
    {
        Path = path,
        Kind = kind,
        Mode = mode,
        UserName = "root",
        GroupName = "root",
        ModifiedTime = _time,
        Size = size,
    };
}
