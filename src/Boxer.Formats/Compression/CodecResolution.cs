namespace Boxer.Formats.Compression;

/// <summary>What <see cref="CodecLibraries.Resolve"/> chose.</summary>
/// <param name="Library">The library to compress with; null when <paramref name="Problem"/> is set.</param>
/// <param name="Warning">One line to show when <c>auto</c> fell back to a managed library; else null.</param>
/// <param name="Problem">Why the choice cannot be honoured (unknown name, wrong algorithm, library missing); else null.</param>
public sealed record CodecResolution(CodecLibrary? Library, string? Warning, string? Problem);
