using Boxer.Core.Sbom;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer inspect IMAGE --sbom</c>: prints the SBOM a build attached, byte for byte, from a SIF (its SBOM
/// object), an OCI layout archive written by <c>--out</c> (the referrer in its <c>index.json</c>), or, when
/// IMAGE is no file, a registry reference written as for <c>--tag</c>.
/// </summary>
internal static class SbomPrinter
{
    public static async Task PrintAsync(string image, TextWriter output, CancellationToken cancellationToken)
    {
        byte[] document;
        if (File.Exists(image))
        {
            document = ImageSniffer.Detect(image) == ImageFormat.Sif ? StoredSbomReader.FromSif(image) : StoredSbomReader.FromOciArchive(image);
        }
        else
        {
            using var registry = new RegistrySbomReader(image);
            document = await registry.ReadAsync(cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
        await output.WriteAsync(System.Text.Encoding.UTF8.GetString(document).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
