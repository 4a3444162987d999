using Boxer.Abstractions;

namespace Boxer.Host.Cli;

/// <summary>Prints what a build made on stdout: one line per artifact, then its usage hints indented.</summary>
internal static class ArtifactPrinter
{
    public static void Print(IEnumerable<Artifact> artifacts, TextWriter output)
    {
        foreach (var artifact in artifacts)
        {
            var facts = new List<string> { artifact.Target, KindName(artifact.Kind), artifact.Location };
            if (artifact.Size is { } size)
            {
                facts.Add(ByteSize.Format(size));
            }
            if (artifact.Digest is { } digest)
            {
                facts.Add(digest);
            }
            output.WriteLine(string.Join(' ', facts));
            foreach (var hint in artifact.UsageHints)
            {
                output.WriteLine($"  {hint}");
            }
        }
    }

    public static string KindName(ArtifactKind kind) => kind switch
    {
        ArtifactKind.EngineImage => "engine-image",
        ArtifactKind.RegistryImage => "registry-image",
        _ => "file",
    };
}
