using Boxer.Formats.Compression;

namespace Boxer.Targets.Singularity;

/// <summary>The option values a SIF build uses.</summary>
internal sealed record SifBuildSettings(bool Force, int BlockSize, BlockCompression Compression, int? Level, CodecLibrary Library);
