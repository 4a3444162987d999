using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Boxer.Core.Plugins;

/// <summary>
/// What a plugin assembly says about itself, read from its metadata without loading it, so a plugin built
/// for another contract version is refused before any of its code runs.
/// </summary>
/// <param name="AssemblyVersion">The plugin assembly's own version.</param>
/// <param name="ContractVersion">The version of <c>Boxer.Abstractions</c> it references; null when it references none.</param>
public sealed record PluginMetadata(Version AssemblyVersion, Version? ContractVersion)
{
    private const string ContractAssemblyName = "Boxer.Abstractions";

    /// <summary>Reads the metadata of the assembly at <paramref name="path"/>.</summary>
    /// <param name="path">The plugin assembly.</param>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static PluginMetadata Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("not a .NET assembly", path);
        }
        var reader = pe.GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new BadImageFormatException("a .NET module, not an assembly", path);
        }
        Version? contract = null;
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            if (reader.StringComparer.Equals(reference.Name, ContractAssemblyName))
            {
                contract = reference.Version;
            }
        }
        return new PluginMetadata(reader.GetAssemblyDefinition().Version, contract);
    }
}
