using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Sif;
using Boxer.Formats.Squashfs;

namespace Boxer.Targets.Singularity;

/// <summary>
/// One SIF build: writes to a hidden temporary file beside the output, renames it into place at the end
/// (mode 0755), and removes it on any failure or cancellation so no partial file is left.
/// </summary>
internal sealed class SifBuild(TargetBuildContext context, string outputPath, SifBuildSettings settings)
{
    private const string Phase = "sif:write";
    private const string TargetName = "sif";
    private const int ErrorDiskFull = 28;
    private const int ErrorReadOnly = 30;

    public async Task<IReadOnlyList<Artifact>> RunAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(outputPath) && !settings.Force)
        {
            throw Fail($"{outputPath} already exists; use --force to overwrite it");
        }
        string directory = Path.GetDirectoryName(outputPath)!;
        if (!Directory.Exists(directory))
        {
            throw Fail($"cannot write {outputPath}: directory {directory} does not exist");
        }
        string arch = ArchitectureCode();
        string temp = Path.Combine(directory, $".{Path.GetFileName(outputPath)}.{Guid.NewGuid():N}.tmp");
        var clock = Stopwatch.StartNew();
        context.Progress.Report(new PhaseStarted(Phase, context.RootFs.ContentSize));
        try
        {
            await WriteAsync(temp, arch, cancellationToken).ConfigureAwait(false);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, (UnixFileMode)0b111_101_101);
            }
            File.Move(temp, outputPath, overwrite: settings.Force);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or OperationCanceledException or SquashfsException)
        {
            TryDelete(temp);
            throw error switch
            {
                OperationCanceledException => error,
                UnauthorizedAccessException => Fail($"cannot write {outputPath}: permission denied in {directory}", error),
                IOException io when (io.HResult & 0xFFFF) == ErrorDiskFull => Fail($"no space left on the device while writing {outputPath}", error),
                IOException io when (io.HResult & 0xFFFF) == ErrorReadOnly => Fail($"cannot write {outputPath}: {directory} is on a read-only file system", error),
                SquashfsException sq => Fail($"cannot build the squashfs partition: {sq.Message}", error),
                _ => Fail($"cannot write {outputPath}: {error.Message}", error),
            };
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        context.Progress.Report(new PhaseCompleted(Phase, clock.Elapsed));
        var artifact = await ArtifactAsync(cancellationToken).ConfigureAwait(false);
        context.Progress.Report(new ArtifactProduced(artifact));
        return [artifact];
    }

    private async Task WriteAsync(string temp, string arch, CancellationToken cancellationToken)
    {
        var metadata = new SifMetadata(context);
        var labels = metadata.Labels();
        string environment = SingularityFiles.Environment(context.Image.Env);
        var tree = WithFinalConfig(environment, labels);
        string runscript = ReadOr(tree, ".singularity.d/runscript", SingularityFiles.Runscript);
        string startscript = ReadOr(tree, ".singularity.d/startscript", SingularityFiles.Startscript);
        var squashfs = new SquashfsWriter(new SquashfsWriterOptions
        {
            BlockSize = settings.BlockSize,
            Compression = settings.Compression,
            CompressionLevel = settings.Level,
            SourceDateEpoch = context.SourceDateEpoch,
            Progress = new ThrottledProgress(context.Progress, Phase, context.RootFs.ContentSize),
        });
        SifObject[] objects =
        [
            SifObject.FromBytes(SifDataType.DefFile, Encoding.UTF8.GetBytes(metadata.DefFile())),
            SifObject.FromBytes(SifDataType.GenericJson, metadata.InspectJson(runscript, startscript, environment, labels)) with { Name = "inspect-metadata.json" },
            SifObject.Partition(SifPartitionTypes.Squashfs, SifPartitionTypes.PrimarySystem, arch,
                async (stream, token) => await squashfs.WriteAsync(tree, stream, token).ConfigureAwait(false)) with { Name = "squashfs-rootfs" },
        ];
        var options = context.SourceDateEpoch is null
            ? SifWriterOptions.Apptainer()
            : SifWriterOptions.Deterministic with { LaunchScript = SifWriterOptions.ApptainerLaunchScript };
        var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using (file.ConfigureAwait(false))
        {
            await new SifWriter(options).WriteAsync(file, objects, cancellationToken).ConfigureAwait(false);
        }
    }

    private string ArchitectureCode()
    {
        // A stage3 with no ELF file to read an architecture from is written as amd64, the header needs one.
        string goArch = context.Image.Architecture.OrElse(CpuArchitecture.Amd64).Name;
        try
        {
            return SifArchitecture.CodeOf(goArch);
        }
        catch (ArgumentException error)
        {
            throw Fail($"SIF has no architecture code for '{goArch}'", error);
        }
    }

    private ReplacedContentView WithFinalConfig(string environment, SortedDictionary<string, string> labels)
    {
        var replaced = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (context.RootFs.Find(".singularity.d/env/90-environment.sh")?.Kind == EntryKind.File)
        {
            replaced[".singularity.d/env/90-environment.sh"] = Encoding.UTF8.GetBytes(environment);
        }
        if (context.RootFs.Find(".singularity.d/labels.json")?.Kind == EntryKind.File)
        {
            replaced[".singularity.d/labels.json"] = SifMetadata.LabelsJson(labels);
        }
        return new ReplacedContentView(context.RootFs, replaced);
    }

    private static string ReadOr(IReadOnlyRootFs tree, string path, string fallback) =>
        tree.Find(path)?.Kind == EntryKind.File ? tree.ReadAllText(path) : fallback;

    private async Task<Artifact> ArtifactAsync(CancellationToken cancellationToken)
    {
        var file = File.OpenRead(outputPath);
        await using (file.ConfigureAwait(false))
        {
            byte[] hash = await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
            return new Artifact(TargetName, ArtifactKind.File, outputPath)
            {
                Size = file.Length,
                Digest = "sha256:" + Convert.ToHexStringLower(hash),
                UsageHints = [$"singularity instance start --boot --writable-tmpfs {outputPath} {InstanceName()}"],
            };
        }
    }

    private string InstanceName()
    {
        string name = Path.GetFileNameWithoutExtension(outputPath);
        var clean = new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-')]);
        return clean.Length == 0 ? "stage3" : clean;
    }

    private TargetException Fail(string message, Exception? inner = null) =>
        new(TargetName, message, inner) { Artifact = outputPath };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // the original error is what the user needs to see
        }
        catch (UnauthorizedAccessException)
        {
            // likewise
        }
    }
}
