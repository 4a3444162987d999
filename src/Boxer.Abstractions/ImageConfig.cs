namespace Boxer.Abstractions;

/// <summary>
/// The runtime configuration of the image being built, shared by every target: recipes fill it in, targets
/// translate it (an OCI config, a SIF runscript and labels, LXD metadata). Collections are ordered so that
/// serialized output is deterministic.
/// </summary>
public sealed class ImageConfig
{
    /// <summary>The program the container starts, e.g. <c>["/sbin/init"]</c>.</summary>
    public List<string> Entrypoint { get; set; } = [];

    /// <summary>Default arguments to the entrypoint.</summary>
    public List<string> Cmd { get; set; } = [];

    /// <summary>Environment variables, by name.</summary>
    public SortedDictionary<string, string> Env { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The working directory of the started process; null for the runtime's default.</summary>
    public string? WorkingDir { get; set; }

    /// <summary>The user the process runs as (<c>name</c>, <c>uid</c> or <c>uid:gid</c>); null for root.</summary>
    public string? User { get; set; }

    /// <summary>Labels (OCI annotations), by key.</summary>
    public SortedDictionary<string, string> Labels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Ports the image documents as exposed, as <c>22/tcp</c>.</summary>
    public SortedSet<string> ExposedPorts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Paths the image declares as volumes.</summary>
    public SortedSet<string> Volumes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The signal that asks the container to stop, e.g. <c>SIGPWR</c>; null for the runtime's default.</summary>
    public string? StopSignal { get; set; }

    /// <summary>
    /// The CPU architecture and variant. The build starts it from the stage3's ELF files (so it is
    /// <see cref="CpuArchitecture.Unknown"/> only when the stage3 has none); a recipe may override it.
    /// </summary>
    public CpuArchitecture Architecture { get; set; } = CpuArchitecture.Unknown;

    /// <summary>The operating system; always <c>linux</c> for stage3s.</summary>
    public string Os { get; set; } = "linux";

    /// <summary>The creation time recorded in the image; null means the build's time.</summary>
    public DateTimeOffset? Created { get; set; }

    /// <summary>A read-only snapshot of this configuration, as targets receive it when they write.</summary>
    /// <returns>A view that later changes to this configuration do not reach.</returns>
    public ImageConfigView AsReadOnly() => new(Clone());

    /// <summary>Returns a deep copy, so that each target's recipe run starts from the same configuration.</summary>
    /// <returns>An independent copy.</returns>
    public ImageConfig Clone() => new()
    {
        Entrypoint = [.. Entrypoint],
        Cmd = [.. Cmd],
        Env = new(Env, StringComparer.Ordinal),
        WorkingDir = WorkingDir,
        User = User,
        Labels = new(Labels, StringComparer.Ordinal),
        ExposedPorts = new(ExposedPorts, StringComparer.Ordinal),
        Volumes = new(Volumes, StringComparer.Ordinal),
        StopSignal = StopSignal,
        Architecture = Architecture,
        Os = Os,
        Created = Created,
    };
}
