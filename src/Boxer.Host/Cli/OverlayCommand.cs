using System.CommandLine;
using System.Globalization;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Formats.Output;
using Boxer.Formats.Overlay;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer overlay create --size MiB [--force] FILE</c>: a standalone ext3 overlay image, as
/// <c>apptainer overlay create --size N FILE</c> makes it, for <c>singularity ... --overlay FILE</c>; the
/// sif target's <c>--overlay-size</c> embeds the same image in the SIF instead.
/// </summary>
internal static class OverlayCommand
{
    private const string VerbName = "overlay";

    /// <summary>0600, as apptainer leaves its overlay images: what a container writes is its user's business.</summary>
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "The overlay image to write" };
        var size = new Option<string>("--size") { Description = $"Size in MiB ({Ext3OverlayWriter.MinimumMiB} to {Ext3OverlayWriter.MaximumMiB})", Required = true, HelpName = "MiB" };
        var force = new Option<bool>("--force") { Description = "Overwrite FILE if it exists (a regular file only)" };
        var create = new Command("create", "Make a writable ext3 overlay image (upper/ and work/), as apptainer overlay create does; needs mkfs.ext3 from e2fsprogs")
        {
            file, size, force,
        };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var request = Check(parse.GetRequiredValue(file), parse.GetRequiredValue(size), parse.GetValue(force));
            var artifact = await WriteAsync(request.Path, request.SizeMiB, request.Force, cancellationToken);
            ArtifactPrinter.Print([artifact], console.Out);
            return ExitCode.Success;
        });
        return new Command(VerbName, "Writable overlay images for Singularity/Apptainer") { create };
    }

    /// <summary>Usage errors (exit 2) before anything is written: the size, then what FILE names.</summary>
    private static (string Path, long SizeMiB, bool Force) Check(string file, string size, bool force)
    {
        if (!long.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out long sizeMiB))
        {
            throw new UsageException($"overlay create: --size: '{size}' is not a whole number");
        }
        if (Ext3OverlayWriter.SizeProblem(sizeMiB) is { } problem)
        {
            throw new UsageException($"overlay create: --size: {problem}");
        }
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new UsageException("overlay create: FILE needs a value");
        }
        string path = Path.GetFullPath(file);
        return OutputFile.Problem(path, force) is { } refusal
            ? throw new UsageException($"overlay create: {refusal}")
            : (path, sizeMiB, force);
    }

    private static async Task<Artifact> WriteAsync(string path, long sizeMiB, bool force, CancellationToken cancellationToken)
    {
        var epoch = SourceDateEpochVariable.Read();
        if (Ext3OverlayWriter.MissingTool() is { } missing)
        {
            throw new TargetException(VerbName, missing) { Artifact = path };
        }
        using (var output = OutputFile.Create(VerbName, path, force))
        {
            var options = new Ext3OverlayOptions { SizeMiB = sizeMiB, SourceDateEpoch = epoch, Target = VerbName, ReportAs = path };
            await Ext3OverlayWriter.WriteAsync(output, options, cancellationToken);
            output.Commit(OwnerOnly);
        }
        return new Artifact(VerbName, ArtifactKind.File, path)
        {
            Size = sizeMiB << 20,
            UsageHints = [$"sudo singularity instance start --boot --overlay {path} IMAGE.sif NAME"],
        };
    }
}
