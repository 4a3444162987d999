using Boxer.Formats.Compression;

namespace Boxer.Targets.Singularity;

/// <summary>The option values a SIF build uses; <paramref name="OverlayMiB"/> is the embedded overlay's size, null for none.</summary>
internal sealed record SifBuildSettings(
    bool Force, int BlockSize, BlockCompression Compression, int? Level, CodecLibrary Library, long? OverlayMiB = null);
