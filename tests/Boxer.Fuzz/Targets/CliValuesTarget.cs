using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Fuzz.Mutation;
using Boxer.Fuzz.Seeds;
using Boxer.Host.Cli;
using Boxer.Targets.Docker;
using Boxer.Targets.Singularity;

namespace Boxer.Fuzz.Targets;

/// <summary>
/// The command line's value checks: the input is <c>target</c> on its first line, then <c>name=value</c> lines
/// (<c>SOURCE_DATE_EPOCH=...</c> is the variable). Checks answer with problems or a <see cref="UsageException"/>.
/// </summary>
public sealed class CliValuesTarget : IFuzzTarget
{
    private static readonly ITarget[] Targets = [new DockerTarget(), new SingularityTarget()];

    /// <inheritdoc/>
    public string Name => "cli";

    /// <inheritdoc/>
    public IReadOnlyList<byte[]> Seeds(SeedCorpus corpus) =>
    [
        "docker\ntag=registry.example:5000/funtoo/stage3:latest\npush=true\nregistry-user=me\nregistry-password-stdin=yes\n"u8.ToArray(),
        "docker\nout=/tmp/x.tar\ntag=a@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nSOURCE_DATE_EPOCH=1700000000\n"u8.ToArray(),
        "sif\nout=image.sif\nforce=true\nblock-size=131072\ncompression=zstd\nSOURCE_DATE_EPOCH=0\n"u8.ToArray(),
    ];

    /// <inheritdoc/>
    public byte[] Mutate(byte[] input, Random random) => TextMutator.Mutate(input, random);

    /// <inheritdoc/>
    public string Run(byte[] input)
    {
        var lines = Encoding.UTF8.GetString(input).Split('\n');
        var target = Targets.FirstOrDefault(t => t.Name == lines[0]) ?? Targets[input.Length % Targets.Length];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in lines.Skip(1))
            {
                int eq = line.IndexOf('=');
                string name = eq < 0 ? line : line[..eq], value = eq < 0 ? "" : line[(eq + 1)..];
                if (name == SourceDateEpochVariable.Name)
                {
                    SourceDateEpochVariable.Parse(value);
                }
                else
                {
                    values[name] = value;
                }
            }
        }
        catch (UsageException e)
        {
            return $"refused: {e.Message}";
        }
        var problems = TargetOptionChecker.Problems(target, new TargetOptionValues(values));
        return problems.Count == 0 ? "ok" : $"refused: {string.Join("; ", problems)}";
    }
}
