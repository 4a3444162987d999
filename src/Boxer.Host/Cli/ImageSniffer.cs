using System.Text;

namespace Boxer.Host.Cli;

/// <summary>Tells an image from a stage3 by its first bytes; a renamed <c>.sif</c> is still a SIF.</summary>
internal static class ImageSniffer
{
    private const int SifMagicOffset = 32;
    private static readonly byte[] SifMagic = Encoding.ASCII.GetBytes("SIF_MAGIC\0");
    private static readonly byte[] SquashfsMagic = Encoding.ASCII.GetBytes("hsqs");
    private const int HeadSize = 64;

    /// <summary>The format of the file at <paramref name="path"/>; a missing or unreadable file is left to the stage3 reader to report.</summary>
    public static ImageFormat Detect(string path)
    {
        var head = new byte[HeadSize];
        int read;
        try
        {
            using var file = File.OpenRead(path);
            read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImageFormat.Stage;
        }
        var bytes = head.AsSpan(0, read);
        if (bytes.Length >= SifMagicOffset + SifMagic.Length && bytes.Slice(SifMagicOffset, SifMagic.Length).SequenceEqual(SifMagic))
        {
            return ImageFormat.Sif;
        }
        return bytes.StartsWith(SquashfsMagic) ? ImageFormat.Squashfs : ImageFormat.Stage;
    }
}
