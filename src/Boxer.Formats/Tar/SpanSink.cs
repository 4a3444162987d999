namespace Boxer.Formats.Tar;

/// <summary>Receives a chunk of entry content from <see cref="TarReader.CopyContent"/>; the span is valid only during the call.</summary>
/// <param name="chunk">The next bytes of the entry's content.</param>
public delegate void SpanSink(ReadOnlySpan<byte> chunk);
