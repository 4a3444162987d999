namespace Boxer.Abstractions;

/// <summary>Facts about the stage3 a build started from, detected while importing it.</summary>
public sealed record StageInfo
{
    /// <summary>The file the stage3 was read from, as given.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The file name of the source, e.g. <c>stage3-amd64-openrc-20261124.tar.xz</c>.</summary>
    public string SourceName => Path.GetFileName(SourcePath);

    /// <summary>
    /// Where the tarball came from and who signed it; null only for a stage imported without going through
    /// boxer's stage resolution (e.g. a test's hand-made stage).
    /// </summary>
    public StageProvenance? Provenance { get; init; }

    /// <summary>The SHA-256 of the source file's bytes as read (compressed), lowercase hex.</summary>
    public required string SourceSha256 { get; init; }

    /// <summary>The compression the source was found to use (<c>xz</c>, <c>gzip</c>, <c>none</c>, …).</summary>
    public required string Compression { get; init; }

    /// <summary>
    /// The CPU architecture in Go/OCI naming (<c>amd64</c>, <c>arm64</c>, <c>386</c>, <c>arm</c>, <c>ppc64le</c>,
    /// <c>riscv64</c>, <c>s390x</c>) with its variant (<c>v7</c>), or <see cref="CpuArchitecture.Unknown"/>.
    /// </summary>
    public required CpuArchitecture Architecture { get; init; }

    /// <summary>The path of the ELF file the architecture was read from, if any.</summary>
    public string? ArchitectureSource { get; init; }

    /// <summary>The init system detected.</summary>
    public required InitSystem InitSystem { get; init; }

    /// <summary>The key/value pairs of <c>/etc/os-release</c> (or <c>/usr/lib/os-release</c>), unquoted.</summary>
    public IReadOnlyDictionary<string, string> OsRelease { get; init; } = new Dictionary<string, string>();

    /// <summary>The distribution's name (<c>NAME</c> from os-release), or null.</summary>
    public string? OsName => OsRelease.TryGetValue("NAME", out var v) ? v : null;

    /// <summary>The distribution's version (<c>VERSION_ID</c>, else <c>VERSION</c>), or null.</summary>
    public string? OsVersion =>
        OsRelease.TryGetValue("VERSION_ID", out var v) ? v : OsRelease.TryGetValue("VERSION", out v) ? v : null;
}
