using Boxer.Formats.Compression;
using Microsoft.Win32.SafeHandles;

namespace Boxer.Core.Import.Decoding;

/// <summary>What to decode: the compressed input read through the hash, and the file itself for decoders that need to look at its end.</summary>
internal sealed record DecodeRequest(Codec Codec, HashingReadStream Input, SafeFileHandle File, bool PreferNative)
{
    public string Name => Codec.Name;
}
