using Boxer.Abstractions;
using Boxer.Abstractions.Testing;
using Boxer.Formats.Sif;
using Boxer.Targets.Singularity.Testing;

namespace Boxer.Targets.Singularity;

/// <summary>
/// <c>boxer test FILE.sif</c>: with <c>apptainer</c> or <c>singularity</c> on PATH the SIF boots as the usage
/// hint says (<c>instance start --boot</c>); without either, as root, in the namespace harness (the squashfs
/// partition mounted at its offset under a tmpfs overlay, /sbin/init as PID 1 in new namespaces).
/// </summary>
public sealed partial class SingularityTarget : IImageTester
{
    /// <summary>Where the runtimes are looked for; PATH unless a test sets it.</summary>
    public Func<string?> SearchPath { get; init; } = () => Environment.GetEnvironmentVariable("PATH");

    /// <inheritdoc/>
    public bool CanTest(ImageTestSubject subject)
    {
        if (!subject.IsFile)
        {
            return false;
        }
        try
        {
            return SifReader.Read(subject.Reference).PrimaryPartition is { PartitionFsType: SifPartitionTypes.Squashfs };
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<IBootedImage> BootAsync(ImageTestSubject subject, ImageBootOptions options, CancellationToken cancellationToken)
    {
        var sif = SifReader.Read(subject.Reference);
        if (SifRuntimeCommands.Find(SearchPath()) is { } runtime)
        {
            var commands = new SifRuntimeCommands(runtime, subject.Reference, options.InstanceName, SifRuntimeCommands.HasOverlay(sif), options.StopGrace);
            return await ApptainerInstance.StartAsync(commands, cancellationToken).ConfigureAwait(false);
        }
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            throw new TargetException(TargetName, "booting a SIF needs apptainer or singularity on PATH, or root for boxer's namespace harness");
        }
        var partition = sif.PrimaryPartition!;
        return await NamespaceHarness.StartAsync(subject.Reference, partition.Offset, partition.Size, options.StopGrace, cancellationToken).ConfigureAwait(false);
    }
}
