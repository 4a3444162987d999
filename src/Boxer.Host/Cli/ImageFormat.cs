namespace Boxer.Host.Cli;

/// <summary>What <c>boxer inspect</c> was given, told by the file's magic rather than its name.</summary>
internal enum ImageFormat
{
    /// <summary>Anything else: read as a (compressed) stage3 tarball.</summary>
    Stage,

    /// <summary>A Singularity image: <c>SIF_MAGIC</c> at offset 32.</summary>
    Sif,

    /// <summary>A bare squashfs image: <c>hsqs</c> at offset 0.</summary>
    Squashfs,
}
