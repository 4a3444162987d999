using Microsoft.Win32.SafeHandles;

namespace Boxer.Formats.Compression.Native;

/// <summary>A <c>libdeflate_decompressor</c>, freed when the handle is.</summary>
internal sealed class DeflateDecompressor() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        LibDeflate.FreeDecompressor(handle);
        return true;
    }
}
