using System.Buffers;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Cuts file contents into blocks for the <see cref="DataBlockPipeline"/> and packs tails (and whole small
/// files) into shared fragment blocks.
/// </summary>
internal sealed class FileDataWriter(DataBlockPipeline pipeline, int blockSize, bool useFragments, bool packTails)
{
    private readonly List<FragmentEntry> _fragments = [];
    private byte[]? _fragment;
    private int _fragmentLength;

    /// <summary>The fragment table, complete once <see cref="FinishAsync"/> has run and the pipeline drained.</summary>
    public IReadOnlyList<FragmentEntry> Fragments => _fragments;

    public async Task<FileLayout> WriteAsync(Stream content, long size, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        int tail = (int)(size % blockSize);
        bool tailToFragment = tail > 0 && useFragments && (packTails || size < blockSize);
        long blocks = size / blockSize + (tail > 0 && !tailToFragment ? 1 : 0);
        var layout = new FileLayout(size, checked((int)blocks));
        for (int i = 0; i < blocks; i++)
        {
            int length = (int)Math.Min(blockSize, size - (long)i * blockSize);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(blockSize);
            await ReadExactlyAsync(content, buffer, length, path, cancellationToken).ConfigureAwait(false);
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
            progress?.Report(length);
        }
        if (tailToFragment)
        {
            await AddTailAsync(content, tail, layout, path, cancellationToken).ConfigureAwait(false);
            progress?.Report(tail);
        }
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

    private async Task AddTailAsync(Stream content, int tail, FileLayout layout, string path, CancellationToken cancellationToken)
    {
        if (_fragment is not null && _fragmentLength + tail > blockSize)
        {
            await FlushFragmentAsync(cancellationToken).ConfigureAwait(false);
        }
        _fragment ??= ArrayPool<byte>.Shared.Rent(blockSize);
        await ReadExactlyAsync(content, _fragment.AsMemory(_fragmentLength), tail, path, cancellationToken).ConfigureAwait(false);
        layout.FragmentIndex = (uint)_fragments.Count;
        layout.FragmentOffset = (uint)_fragmentLength;
        _fragmentLength += tail;
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
