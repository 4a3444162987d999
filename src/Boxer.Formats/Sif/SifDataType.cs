namespace Boxer.Formats.Sif;

/// <summary>The kinds of data object a SIF descriptor can describe.</summary>
public enum SifDataType
{
    /// <summary>The definition file the image was built from.</summary>
    DefFile = 0x4001,

    /// <summary>JSON labels (legacy).</summary>
    EnvVar = 0x4002,

    /// <summary>JSON labels.</summary>
    Labels = 0x4003,

    /// <summary>A filesystem partition, e.g. the squashfs root.</summary>
    Partition = 0x4004,

    /// <summary>A signature over other objects.</summary>
    Signature = 0x4005,

    /// <summary>Generic JSON, e.g. <c>inspect-metadata.json</c>.</summary>
    GenericJson = 0x4006,

    /// <summary>Generic bytes.</summary>
    Generic = 0x4007,

    /// <summary>A cryptographic message.</summary>
    CryptoMessage = 0x4008,

    /// <summary>An SBOM.</summary>
    Sbom = 0x4009,

    /// <summary>An OCI root index.</summary>
    OciRootIndex = 0x400a,

    /// <summary>An OCI blob.</summary>
    OciBlob = 0x400b,
}
