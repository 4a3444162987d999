using Boxer.Formats.Sif;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.Host.Cli;

namespace Boxer.Fuzz.Targets;

/// <summary>The SIF reader and its primary partition's squashfs, as <c>boxer inspect IMAGE</c> reads them.</summary>
public sealed class SifTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "sif";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) => corpus.Sifs;

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => SifMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input)
    {
        try
        {
            using var stream = new MemoryStream(input, writable: false);
            var sif = SifReader.Read(stream);
            ImageFactsPrinter.PrintSif("image", sif, TextWriter.Null);
            foreach (var d in sif.Descriptors.Where(d => d.Size <= 1 << 20))
            {
                SifReader.ReadObject(stream, d);
            }
            return sif.PrimaryPartition is { } partition && partition.PartitionFsType == SifPartitionTypes.Squashfs
                ? SquashfsTarget.ReadAll(stream, partition.Offset)
                : "ok: no squashfs partition";
        }
        catch (Exception e) when (SquashfsTarget.IsRefusal(e))
        {
            return $"refused: {e.Message}";
        }
    }
}
