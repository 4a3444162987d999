namespace Boxer.Abstractions;

/// <summary>
/// A read-only <see cref="ImageConfig"/>: what a target receives when it writes. The recipe has finished, so
/// a target translates the configuration but cannot change it; what the plan showed is what is written.
/// A target that needs to adjust a copy (say, to add its own labels) takes one with <see cref="Clone"/>.
/// </summary>
public sealed class ImageConfigView
{
    private readonly ImageConfig _config;

    /// <summary>Wraps <paramref name="config"/>; <see cref="ImageConfig.AsReadOnly"/> passes a private copy.</summary>
    /// <param name="config">The configuration to show; the caller must not change it afterwards.</param>
    internal ImageConfigView(ImageConfig config) => _config = config;

    /// <summary>The program the container starts, e.g. <c>["/sbin/init"]</c>.</summary>
    public IReadOnlyList<string> Entrypoint => _config.Entrypoint;

    /// <summary>Default arguments to the entrypoint.</summary>
    public IReadOnlyList<string> Cmd => _config.Cmd;

    /// <summary>Environment variables, by name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Env => _config.Env;

    /// <summary>The working directory of the started process; null for the runtime's default.</summary>
    public string? WorkingDir => _config.WorkingDir;

    /// <summary>The user the process runs as; null for root.</summary>
    public string? User => _config.User;

    /// <summary>Labels (OCI annotations), by key, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> Labels => _config.Labels;

    /// <summary>Ports the image documents as exposed, as <c>22/tcp</c>, in ordinal order.</summary>
    public IReadOnlySet<string> ExposedPorts => _config.ExposedPorts;

    /// <summary>Paths the image declares as volumes, in ordinal order.</summary>
    public IReadOnlySet<string> Volumes => _config.Volumes;

    /// <summary>The signal that asks the container to stop; null for the runtime's default.</summary>
    public string? StopSignal => _config.StopSignal;

    /// <summary>The CPU architecture and variant; <see cref="CpuArchitecture.Unknown"/> when none was detected or set.</summary>
    public CpuArchitecture Architecture => _config.Architecture;

    /// <summary>The operating system; always <c>linux</c> for stage3s.</summary>
    public string Os => _config.Os;

    /// <summary>The creation time recorded in the image; null means the build's time.</summary>
    public DateTimeOffset? Created => _config.Created;

    /// <summary>Returns an independent, editable copy.</summary>
    /// <returns>A deep copy of the configuration.</returns>
    public ImageConfig Clone() => _config.Clone();
}
