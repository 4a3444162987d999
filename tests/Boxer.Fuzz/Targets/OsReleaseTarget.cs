using System.Text;
using Boxer.Core.Stage;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.TestSupport;

namespace Boxer.Fuzz.Targets;

/// <summary>The os-release parser: any text gives a dictionary, never an exception.</summary>
public sealed class OsReleaseTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "os-release";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) =>
    [
        File.ReadAllBytes(Path.Combine(RepoPaths.Root, "demo", "rootfs", "etc", "os-release")),
        "NAME=Gentoo\nID=gentoo\nPRETTY_NAME=\"Gentoo Linux\"\nANSI_COLOR=\"1;32\"\nVERSION_ID='2.17'\nX=\"a\\\"b\\\\c\\$d\\`e\"\n"u8.ToArray(),
    ];

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => TextMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input) => $"{OsReleaseParser.Parse(Encoding.UTF8.GetString(input)).Count} keys";
}
