using Microsoft.Win32.SafeHandles;

namespace Boxer.Formats.Compression.Native;

/// <summary>A <c>ZSTD_DCtx</c>, freed when the handle is.</summary>
internal sealed class ZstdDecompressionContext() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibZstd.FreeDecompressionContext(handle);
        return true;
    }
}
