using Microsoft.Win32.SafeHandles;

namespace Boxer.Formats.Compression.Native;

/// <summary>A <c>ZSTD_CCtx</c>, freed when the handle is (one per thread: a context is not thread-safe).</summary>
internal sealed class ZstdCompressionContext() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibZstd.FreeCompressionContext(handle);
        return true;
    }
}
