namespace Boxer.Targets.Docker.Image;

/// <summary>The config and manifest of a one-layer image, made once its layer is written.</summary>
/// <param name="Config">The config's canonical bytes.</param>
/// <param name="ConfigDescriptor">Its descriptor; its digest is the image ID.</param>
/// <param name="Manifest">The OCI manifest's canonical bytes.</param>
/// <param name="ManifestDescriptor">Its descriptor; a registry serves the image under this digest.</param>
/// <param name="Layer">The layer.</param>
public sealed record ImageDocuments(byte[] Config, Descriptor ConfigDescriptor, byte[] Manifest, Descriptor ManifestDescriptor, LayerBlob Layer)
{
    /// <summary>The image ID Docker shows: the config's digest.</summary>
    public string ImageId => ConfigDescriptor.Digest;

    public static ImageDocuments Create(ImageSpec spec, LayerBlob layer)
    {
        byte[] config = ImageConfigJson.Write(spec, layer.DiffId);
        var configDescriptor = Descriptor.Of(MediaTypes.Config, config);
        byte[] manifest = ManifestJson.Manifest(configDescriptor, layer.Descriptor, spec.Annotations);
        return new ImageDocuments(config, configDescriptor, manifest, Descriptor.Of(MediaTypes.Manifest, manifest), layer);
    }
}
