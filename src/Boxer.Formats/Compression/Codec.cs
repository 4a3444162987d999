using System.Collections.Immutable;
using System.Diagnostics;
using Boxer.Formats.Gzip;

namespace Boxer.Formats.Compression;

/// <summary>
/// One compression as boxer knows it, from <see cref="Codecs"/>: its name, how to recognize it by its first
/// bytes, which native tool decodes (and for xz, encodes) it, and which of boxer's encoders write it. Callers
/// (stage import, Docker layers, squashfs, targets such as the LXD sample) ask the registry rather than
/// naming a library or a program themselves.
/// </summary>
public sealed class Codec
{
    private readonly Func<int?, CodecLibrary?, IBlockCodec>? _blockEncoder;
    private readonly Func<Stream, bool, CodecLibrary?, ParallelGzipStream>? _streamEncoder;
    private readonly string[]? _toolEncodeArguments;

    internal Codec(
        string name,
        byte[] magic,
        string? nativeTool,
        BlockCompression? block = null,
        Func<int?, CodecLibrary?, IBlockCodec>? blockEncoder = null,
        Func<Stream, bool, CodecLibrary?, ParallelGzipStream>? streamEncoder = null,
        string[]? toolEncodeArguments = null)
    {
        Name = name;
        Magic = [.. magic];
        NativeTool = nativeTool;
        Block = block;
        _blockEncoder = blockEncoder;
        _streamEncoder = streamEncoder;
        _toolEncodeArguments = toolEncodeArguments;
    }

    /// <summary>The name users and stage facts see: <c>none</c>, <c>gzip</c>, <c>xz</c>, <c>bzip2</c>, <c>zstd</c>, <c>lzip</c>.</summary>
    public string Name { get; }

    /// <summary>The bytes a stream of this compression starts with; empty for <see cref="Codecs.Plain"/>.</summary>
    public ImmutableArray<byte> Magic { get; }

    /// <summary>The program that decodes it with <c>-dc</c> (stdin to stdout), when one exists; null for plain data.</summary>
    public string? NativeTool { get; }

    /// <summary>The block-compressor ID (squashfs's) when boxer can write independent blocks of it.</summary>
    public BlockCompression? Block { get; }

    /// <summary>True when <see cref="CreateStreamEncoder"/> works for this codec (gzip).</summary>
    public bool HasStreamEncoder => _streamEncoder is not null;

    /// <summary>True when <see cref="EncodeWithToolAsync"/> works for this codec (xz).</summary>
    public bool HasToolEncoder => _toolEncodeArguments is not null;

    /// <summary>True when <paramref name="head"/> (the first bytes of a file) starts like this compression.</summary>
    /// <param name="head">The first bytes; a few are enough.</param>
    public bool Matches(ReadOnlySpan<byte> head)
    {
        if (Magic.IsEmpty || !head.StartsWith(Magic.AsSpan()))
        {
            return false;
        }
        // "BZh" alone is too weak: a block-size digit 1-9 follows it.
        return Name != "bzip2" || (head.Length > Magic.Length && head[Magic.Length] is >= (byte)'1' and <= (byte)'9');
    }

    /// <summary>A block encoder (and decoder) for squashfs-style independent blocks.</summary>
    /// <param name="level">The level, or null for the algorithm's default (what mksquashfs uses).</param>
    /// <param name="library">The library, or null for <see cref="CodecLibraries.Preferred"/> (native when it loads).</param>
    /// <exception cref="NotSupportedException">The codec has no block encoder (see <see cref="Block"/>).</exception>
    /// <exception cref="ArgumentException"><paramref name="library"/> writes another algorithm.</exception>
    public IBlockCodec CreateBlockEncoder(int? level = null, CodecLibrary? library = null) =>
        _blockEncoder is { } create ? create(level, CheckLibrary(library)) : throw new NotSupportedException($"{Name} has no block encoder");

    /// <summary>
    /// A streaming encoder onto <paramref name="output"/>: for gzip, concatenated members compressed on every
    /// core, the same bytes for the same input. Call <see cref="ParallelGzipStream.FinishAsync"/> at the end.
    /// </summary>
    /// <param name="output">Receives the compressed bytes.</param>
    /// <param name="leaveOpen">Leave <paramref name="output"/> open when the encoder is disposed.</param>
    /// <param name="library">The library, or null for <see cref="CodecLibraries.Preferred"/> (native when it loads).</param>
    /// <exception cref="NotSupportedException">The codec has no stream encoder.</exception>
    /// <exception cref="ArgumentException"><paramref name="library"/> writes another algorithm.</exception>
    public ParallelGzipStream CreateStreamEncoder(Stream output, bool leaveOpen = false, CodecLibrary? library = null) =>
        _streamEncoder is { } create ? create(output, leaveOpen, CheckLibrary(library)) : throw new NotSupportedException($"{Name} has no stream encoder");

    private CodecLibrary? CheckLibrary(CodecLibrary? library) =>
        library is null || library.Algorithm == Block
            ? library
            : throw new ArgumentException($"{library.Name} does not write {Name}", nameof(library));

    /// <summary>
    /// Compresses a small buffer with the native tool in a child process (.NET has no xz encoder). The tool
    /// runs single-threaded so the output is the same on every run.
    /// </summary>
    /// <param name="input">The bytes to compress.</param>
    /// <param name="cancellationToken">Cancels the compression.</param>
    /// <returns>The compressed bytes.</returns>
    /// <exception cref="NotSupportedException">The codec has no tool encoder.</exception>
    /// <exception cref="System.ComponentModel.Win32Exception">The tool is not installed.</exception>
    /// <exception cref="IOException">The tool failed; the message names its exit code and first error line.</exception>
    public async Task<byte[]> EncodeWithToolAsync(byte[] input, CancellationToken cancellationToken)
    {
        if (_toolEncodeArguments is null || NativeTool is null)
        {
            throw new NotSupportedException($"{Name} has no tool encoder");
        }
        var info = new ProcessStartInfo(NativeTool, _toolEncodeArguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        using var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken).ConfigureAwait(false);
        process.StandardInput.Close();
        await reading.ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new IOException($"{NativeTool} failed (exit {process.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
        }
        return output.ToArray();
    }

    /// <summary>The codec's <see cref="Name"/>.</summary>
    public override string ToString() => Name;
}
