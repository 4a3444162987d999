using Boxer.Core.Stage;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;

namespace Boxer.Fuzz.Targets;

/// <summary>The ELF identification and ARM attributes readers on one file: they answer or say "unknown", never throw.</summary>
public sealed class ElfTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "elf";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) => ElfSeeds.All;

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => ElfMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input)
    {
        var head = input.AsSpan(0, Math.Min(input.Length, ElfArchitecture.HeaderLength));
        if (head.Length < ElfArchitecture.HeaderLength || !ElfArchitecture.IsExecutable(head))
        {
            return "not an executable";
        }
        var name = ElfArchitecture.Name(head);
        using var stream = new MemoryStream(input, writable: false);
        stream.Position = head.Length;
        return $"{name} {ArmVariantReader.Read(stream)}";
    }
}
