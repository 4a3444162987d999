namespace Boxer.Targets.Docker.Image;

/// <summary>The OCI media types boxer writes; docker-registry 2.8 and Docker 20.10 accept them all.</summary>
public static class MediaTypes
{
    public const string Manifest = "application/vnd.oci.image.manifest.v1+json";
    public const string Index = "application/vnd.oci.image.index.v1+json";
    public const string Config = "application/vnd.oci.image.config.v1+json";
    public const string Layer = "application/vnd.oci.image.layer.v1.tar";
    public const string LayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string LayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
}
