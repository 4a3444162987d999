using Boxer.Abstractions;
using Boxer.Formats.Compression;

namespace Boxer.Targets.Lxd;

/// <summary>
/// Compresses the (small) metadata tarball with the registry's xz encoder (the <c>xz</c> program, single
/// threaded so the output is the same on every run): .NET has no xz encoder, and every machine that runs
/// LXD has xz-utils. Failures become target errors naming the fix.
/// </summary>
internal static class XzCompressor
{
    public static async Task<byte[]> CompressAsync(byte[] input, CancellationToken cancellationToken)
    {
        try
        {
            return await Codecs.Xz.EncodeWithToolAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new TargetException(LxdTarget.TargetName, "cannot run xz to compress metadata.tar.xz: install xz-utils", error);
        }
        catch (IOException error)
        {
            throw new TargetException(LxdTarget.TargetName, error.Message, error);
        }
    }
}
