using System.Buffers;
using System.Security.Cryptography;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Cuts file contents into blocks for the <see cref="DataBlockPipeline"/> and packs tails (and whole small
/// files) into shared fragment blocks. With deduplication, a file whose size and SHA-256 match an earlier
/// file's is stored once: its blocks, already queued, are dropped again and it shares the first layout.
/// </summary>
internal sealed class FileDataWriter(DataBlockPipeline pipeline, int blockSize, bool useFragments, bool packTails, bool deduplicate)
{
    private readonly List<FragmentEntry> _fragments = [];
    private readonly Dictionary<(long Size, string Hash), FileLayout> _seen = [];
    private byte[]? _fragment;
    private int _fragmentLength;
    private long _written;

    /// <summary>The fragment table, complete once <see cref="FinishAsync"/> has run and the pipeline drained.</summary>
    public IReadOnlyList<FragmentEntry> Fragments => _fragments;

    public async Task<FileLayout> WriteAsync(Stream content, long size, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        int tail = (int)(size % blockSize);
        bool tailToFragment = tail > 0 && useFragments && (packTails || size < blockSize);
        long blocks = size / blockSize + (tail > 0 && !tailToFragment ? 1 : 0);
        var layout = new FileLayout(size, checked((int)blocks));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (int i = 0; i < blocks; i++)
        {
            int length = (int)Math.Min(blockSize, size - (long)i * blockSize);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(blockSize);
            await ReadExactlyAsync(content, buffer, length, path, cancellationToken).ConfigureAwait(false);
            hash.AppendData(buffer, 0, length);
            int index = i;
            await pipeline.SubmitAsync(new DataBlock(buffer, length, true, (position, sizeField) =>
            {
                if (sizeField == 0)
                {
                    layout.SparseBytes += length;
                }
                else if (layout.BlocksStart < 0)
                {
                    layout.BlocksStart = position;
                }
                layout.BlockSizes[index] = sizeField;
            }), cancellationToken).ConfigureAwait(false);
            progress?.Report(_written += length);
        }
        byte[]? tailBytes = null;
        if (tailToFragment)
        {
            tailBytes = new byte[tail];
            await ReadExactlyAsync(content, tailBytes, tail, path, cancellationToken).ConfigureAwait(false);
            hash.AppendData(tailBytes);
            progress?.Report(_written += tail);
        }
        var key = (size, Convert.ToHexString(hash.GetHashAndReset()));
        if (deduplicate && _seen.TryGetValue(key, out var original))
        {
            // Only once this file's blocks are all written is it known where the first of them went.
            await pipeline.DrainAsync(cancellationToken).ConfigureAwait(false);
            if (layout.BlocksStart >= 0)
            {
                pipeline.Truncate(layout.BlocksStart);
            }
            return original;
        }
        if (tailBytes is not null)
        {
            await AddTailAsync(tailBytes, layout, cancellationToken).ConfigureAwait(false);
        }
        _seen[key] = layout;
        return layout;
    }

    /// <summary>Queues the last, partly filled fragment block.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_fragment is not null && _fragmentLength > 0)
        {
            await FlushFragmentAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task AddTailAsync(byte[] tail, FileLayout layout, CancellationToken cancellationToken)
    {
        if (_fragment is not null && _fragmentLength + tail.Length > blockSize)
        {
            await FlushFragmentAsync(cancellationToken).ConfigureAwait(false);
        }
        _fragment ??= ArrayPool<byte>.Shared.Rent(blockSize);
        tail.CopyTo(_fragment.AsSpan(_fragmentLength));
        layout.FragmentIndex = (uint)_fragments.Count;
        layout.FragmentOffset = (uint)_fragmentLength;
        _fragmentLength += tail.Length;
    }

    private async Task FlushFragmentAsync(CancellationToken cancellationToken)
    {
        int index = _fragments.Count;
        _fragments.Add(default);
        var block = new DataBlock(_fragment!, _fragmentLength, false,
            (position, sizeField) => _fragments[index] = new FragmentEntry((ulong)position, sizeField));
        _fragment = null;
        _fragmentLength = 0;
        await pipeline.SubmitAsync(block, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ReadExactlyAsync(Stream content, Memory<byte> buffer, int length, string path, CancellationToken cancellationToken)
    {
        int read = await content.ReadAtLeastAsync(buffer[..length], length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read != length)
        {
            throw new SquashfsException($"content of '{path}' is shorter than its recorded size") { EntryPath = path };
        }
    }
}
