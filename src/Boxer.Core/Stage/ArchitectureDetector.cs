using Boxer.Abstractions;

namespace Boxer.Core.Stage;

/// <summary>
/// Reads the architecture from <c>/bin/sh</c> (symlinks resolved inside the tree, so merged-usr and
/// busybox layouts work), else from the first ELF executable in enumeration order.
/// </summary>
internal static class ArchitectureDetector
{
    public static (CpuArchitecture Architecture, string? Source) Detect(IReadOnlyRootFs tree)
    {
        if (TreeSymlinkResolver.Resolve(tree, "bin/sh") is { HasContent: true } shell && Probe(tree, shell.Path) is { } found)
        {
            return found;
        }
        foreach (var entry in tree.Entries)
        {
            if (entry.Kind == EntryKind.File && entry.Size >= ElfArchitecture.HeaderLength && (entry.Mode & 0b001_001_001) != 0
                && Probe(tree, entry.Path) is { } first)
            {
                return first;
            }
        }
        return (CpuArchitecture.Unknown, null);
    }

    private static (CpuArchitecture, string?)? Probe(IReadOnlyRootFs tree, string path)
    {
        using var stream = tree.OpenRead(path);
        var head = new byte[ElfArchitecture.HeaderLength];
        if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !ElfArchitecture.IsExecutable(head))
        {
            return null;
        }
        var name = ElfArchitecture.Name(head);
        if (name is null)
        {
            return null;
        }
        var variant = name == "arm" ? ArmVariantReader.Read(stream) : null;
        return (new CpuArchitecture(name, variant), path);
    }
}
