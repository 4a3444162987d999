using Microsoft.Win32.SafeHandles;

namespace Boxer.Formats.Compression.Native;

/// <summary>A <c>libdeflate_compressor</c> for one level, freed when the handle is (not thread-safe: one per thread).</summary>
internal sealed class DeflateCompressor() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibDeflate.FreeCompressor(handle);
        return true;
    }
}
