using System.Globalization;
using Boxer.Abstractions;
using Boxer.Formats.Output;

namespace Boxer.Formats.Overlay;

/// <summary>
/// Makes the ext3 image that <c>apptainer overlay create --size N</c> makes, for a SIF's overlay partition or
/// a standalone overlay file:
/// <code>
///  /             root:root 0755
///  /lost+found   root:root 0700  (mkfs.ext3's)
///  /upper        root:root 0755  overlayfs upperdir: what the container writes
///  /work         root:root 0755  overlayfs workdir
/// </code>
/// mkfs.ext3 formats the file, then debugfs adds the two directories. Apptainer copies them in with
/// <c>mkfs.ext3 -d DIR</c>, which records the host directories' change times (no program can set those), so
/// a reproducible image cannot be made that way. They are owned by root, as apptainer makes them under sudo:
/// an embedded overlay is only writable by <c>sudo singularity ... --writable</c>, and an owner that followed
/// the user running boxer would make the bytes depend on who built them.
/// </summary>
public static class Ext3OverlayWriter
{
    /// <summary>The smallest size, in MiB: apptainer refuses less.</summary>
    public const long MinimumMiB = 64;

    /// <summary>The largest size, in MiB (1 TiB): a bound against typos; the file is sparse, its holes cost nothing.</summary>
    public const long MaximumMiB = 1L << 20;

    private const long MiB = 1L << 20;

    /// <summary>What is wrong with <paramref name="sizeMiB"/> as an overlay size, or null.</summary>
    /// <param name="sizeMiB">The size in MiB.</param>
    /// <returns>One line, or null.</returns>
    public static string? SizeProblem(long sizeMiB) => sizeMiB is < MinimumMiB or > MaximumMiB
        ? $"must be {MinimumMiB} to {MaximumMiB} MiB, not {sizeMiB.ToString(CultureInfo.InvariantCulture)}"
        : null;

    /// <summary>Why no overlay can be made on this machine (a program missing from PATH), or null.</summary>
    /// <returns>One line naming the program and its package, or null.</returns>
    public static string? MissingTool()
    {
        string? missing = E2fsprogs.Find(E2fsprogs.Mkfs) is null ? E2fsprogs.Mkfs
            : E2fsprogs.Find(E2fsprogs.Debugfs) is null ? E2fsprogs.Debugfs
            : null;
        return missing is null ? null
            : $"an ext3 overlay needs {missing}, which is not on PATH; install the {E2fsprogs.Package} package";
    }

    /// <summary>Makes the image in <paramref name="file"/>'s temporary file, which is resized to the image's size.</summary>
    /// <param name="file">A fresh output or scratch file; its stream is positioned at 0 afterwards.</param>
    /// <param name="options">The size, the epoch and the names failures use.</param>
    /// <param name="cancellationToken">Cancels the build (the child process is killed).</param>
    /// <returns>The task.</returns>
    /// <exception cref="TargetException">A program is missing or failed; one line naming the user's path.</exception>
    public static async Task WriteAsync(OutputFile file, Ext3OverlayOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        string reportAs = options.ReportAs ?? file.Path;
        if (SizeProblem(options.SizeMiB) is { } size)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"the overlay size {size}");
        }
        if (MissingTool() is { } missing)
        {
            throw new TargetException(options.Target, missing) { Artifact = reportAs };
        }
        file.Stream.SetLength(options.SizeMiB * MiB);
        await file.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var environment = Environment(options.SourceDateEpoch);
        await RunAsync(E2fsprogs.Mkfs, [.. MkfsArguments(options), file.TempPath], environment, "", options, reportAs, cancellationToken).ConfigureAwait(false);
        await RunAsync(E2fsprogs.Debugfs, ["-w", "-f", "-", file.TempPath], environment, "mkdir upper\nmkdir work\n", options, reportAs, cancellationToken).ConfigureAwait(false);
        file.Stream.Position = 0;
    }

    private static List<string> MkfsArguments(Ext3OverlayOptions options)
    {
        // -F: the file is a regular file, not a block device, and must not make mkfs ask anything.
        var arguments = new List<string> { "-q", "-F" };
        string extended = "root_owner=0:0";
        if (options.SourceDateEpoch is { } epoch)
        {
            arguments.AddRange(["-U", Ext3OverlayIds.FileSystemUuid(epoch.Seconds, options.SizeMiB)]);
            extended += ",hash_seed=" + Ext3OverlayIds.HashSeed(epoch.Seconds, options.SizeMiB);
        }
        arguments.AddRange(["-E", extended]);
        return arguments;
    }

    /// <summary>
    /// E2FSPROGS_FAKE_TIME is every time mkfs.ext3 and debugfs record (superblock, inodes, journal). They read 0
    /// as "not set", so an epoch of 0 is recorded as 1 second.
    /// </summary>
    private static Dictionary<string, string?> Environment(UnixTime? epoch) => new(StringComparer.Ordinal)
    {
        ["E2FSPROGS_FAKE_TIME"] = epoch is { } time ? Math.Max(1, time.Seconds).ToString(CultureInfo.InvariantCulture) : null,
        ["LC_ALL"] = "C",
    };

    private static async Task RunAsync(
        string tool, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, string stdin,
        Ext3OverlayOptions options, string reportAs, CancellationToken cancellationToken)
    {
        string path = E2fsprogs.Find(tool) ?? throw new TargetException(options.Target, MissingTool()!) { Artifact = reportAs };
        var (exitCode, stderr) = await E2fsprogs.RunAsync(path, arguments, environment, stdin, cancellationToken).ConfigureAwait(false);
        string? problem = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(line => !line.StartsWith(tool + " ", StringComparison.Ordinal));
        // debugfs reports a failed command on stderr and still exits 0; mkfs.ext3's exit code is its verdict.
        if (exitCode != 0 || (problem is not null && tool == E2fsprogs.Debugfs))
        {
            throw new TargetException(options.Target,
                $"cannot make the ext3 overlay for {reportAs}: {tool} failed (exit {exitCode}): {problem ?? "no message"}")
            { Artifact = reportAs };
        }
    }
}
