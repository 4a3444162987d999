using Boxer.Core.Import;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.Host.Cli;
using Boxer.TestSupport;

namespace Boxer.Fuzz.Targets;

/// <summary>
/// The stage3 import as <c>boxer inspect STAGE</c> runs it: tar reader, tree loader, stage facts (ELF, ARM
/// attributes, os-release) and the facts printer. A <see cref="StageException"/> is the typed refusal.
/// </summary>
public sealed class TarTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "tar";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) => corpus.Tars;

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => TarMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input)
    {
        using var dir = new TempDir("boxer-fuzz-");
        var path = Path.Combine(dir.Path, "stage.tar");
        File.WriteAllBytes(path, input);
        try
        {
            using var stage = StageImporter.ImportAsync(path, new ImportOptions { SpoolDirectory = dir.Path }).GetAwaiter().GetResult();
            StageFactsPrinter.Print(stage, TextWriter.Null);
            return $"ok: {stage.Stage.Architecture}";
        }
        catch (StageException e)
        {
            return $"refused: {e.Message}";
        }
    }
}
