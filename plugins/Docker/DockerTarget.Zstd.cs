using Boxer.Abstractions;
using Boxer.Targets.Docker.Engine;

namespace Boxer.Targets.Docker;

/// <summary>
/// zstd layers and the engine: Docker Engine reads them from 23.0 on (Debian 12 ships 20.10). A zstd image
/// meant for an older engine (<c>--tag</c>) is refused before the stage3 is read, in one line.
/// </summary>
public sealed partial class DockerTarget
{
    /// <summary>The first engine version that loads and pulls zstd layers.</summary>
    private static readonly Version ZstdEngine = new(23, 0);

    private string? ZstdRefusal(TargetOptionValues options)
    {
        if (options.GetString(LayerCompressionOption) != "zstd" || !options.Has(TagOption))
        {
            return null;
        }
        var host = EngineHost();
        // Unreachable: --tag fails (or, with --push, skips the engine) in its own words later.
        return EngineVersion.Read(host) is { } version && version < ZstdEngine
            ? $"--layer-compression zstd: the Docker engine at {host.Display} is {version}, which cannot read zstd layers (needs 23.0); drop --tag (use --out or --push), or use gzip"
            : null;
    }
}
