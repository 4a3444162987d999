using System.Buffers;
using Boxer.Formats.Compression;

namespace Boxer.Formats.Squashfs;

/// <summary>
/// Compresses data and fragment blocks on all cores and writes them in submission order: blocks are read
/// sequentially, up to a window of them compress in parallel, and the oldest is written as soon as it is
/// done. Because each block is compressed independently and written in order, the bytes do not depend on
/// the degree of parallelism.
/// </summary>
internal sealed class DataBlockPipeline(Stream output, long imageStart, IBlockCodec codec, int parallelism)
{
    private readonly Queue<Task<CompressedBlock>> _inFlight = new();
    private readonly int _window = Math.Max(1, parallelism) * 2;

    /// <summary>Queues a block. The pipeline owns <see cref="DataBlock.Buffer"/> (rented) from here on.</summary>
    public async ValueTask SubmitAsync(DataBlock block, CancellationToken cancellationToken)
    {
        while (_inFlight.Count >= _window)
        {
            await WriteOldestAsync(cancellationToken).ConfigureAwait(false);
        }
        _inFlight.Enqueue(parallelism <= 1
            ? Task.FromResult(Compress(block))
            : Task.Run(() => Compress(block), cancellationToken));
    }

    /// <summary>Writes every queued block.</summary>
    public async ValueTask DrainAsync(CancellationToken cancellationToken)
    {
        while (_inFlight.Count > 0)
        {
            await WriteOldestAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Cuts the drained image back to <paramref name="position"/>, dropping a duplicate's blocks.</summary>
    public void Truncate(long position)
    {
        if (_inFlight.Count > 0)
        {
            throw new InvalidOperationException("truncate needs a drained pipeline");
        }
        output.SetLength(imageStart + position);
        output.Position = imageStart + position;
    }

    private CompressedBlock Compress(DataBlock block)
    {
        var input = block.Buffer.AsSpan(0, block.Length);
        if (block.AllowSparse && !input.ContainsAnyExcept((byte)0))
        {
            return new CompressedBlock(block, null, 0);
        }
        byte[] packed = ArrayPool<byte>.Shared.Rent(codec.MaxCompressedLength(block.Length));
        int n = codec.Compress(input, packed);
        if (n >= block.Length)
        {
            ArrayPool<byte>.Shared.Return(packed);
            return new CompressedBlock(block, null, (uint)block.Length | SquashfsLayout.DataUncompressedBit);
        }
        return new CompressedBlock(block, packed, (uint)n);
    }

    private async ValueTask WriteOldestAsync(CancellationToken cancellationToken)
    {
        var done = await _inFlight.Dequeue().ConfigureAwait(false);
        long position = output.Position - imageStart;
        int length = (int)(done.SizeField & SquashfsLayout.DataSizeMask);
        if (length > 0)
        {
            byte[] bytes = done.Packed ?? done.Block.Buffer;
            await output.WriteAsync(bytes.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        done.Block.OnWritten(position, done.SizeField);
        ArrayPool<byte>.Shared.Return(done.Block.Buffer);
        if (done.Packed is not null)
        {
            ArrayPool<byte>.Shared.Return(done.Packed);
        }
    }

    private readonly record struct CompressedBlock(DataBlock Block, byte[]? Packed, uint SizeField);
}

/// <summary>One block handed to the pipeline, and what to do with its on-disk position and size field.</summary>
internal readonly record struct DataBlock(byte[] Buffer, int Length, bool AllowSparse, Action<long, uint> OnWritten);
