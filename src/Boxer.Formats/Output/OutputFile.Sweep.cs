using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Boxer.Formats.Output;

/// <summary>
/// The temporary files' naming scheme, <c>.NAME.boxer-PID-RANDOM.tmp</c>, and the sweep that removes the
/// ones a killed build left. A file is stale only when both say its writer is gone: no process has the pid
/// in its name, and nobody holds its lock. Either alone could be wrong (pids are reused; a writer creates its
/// file a moment before it locks it), together they never delete a live build's file.
/// </summary>
public sealed partial class OutputFile
{
    /// <summary>The hidden temporary name for an output named <paramref name="fileName"/>, unique to this process and call.</summary>
    /// <param name="fileName">The output's file name (no directory).</param>
    /// <returns>A name of the scheme <see cref="SweepStale"/> recognises.</returns>
    public static string TempName(string fileName) =>
        $".{fileName}.boxer-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp";

    /// <summary>
    /// Deletes the temporary files of this naming scheme in <paramref name="directory"/> whose writer is gone
    /// (see the type's remarks). Errors are ignored: a sweep is housekeeping, never the reason a build fails.
    /// </summary>
    /// <param name="directory">The directory to sweep (not recursively).</param>
    /// <returns>The paths deleted.</returns>
    public static IReadOnlyList<string> SweepStale(string directory)
    {
        var deleted = new List<string>();
        try
        {
            foreach (string candidate in Directory.EnumerateFiles(directory, ".*.tmp"))
            {
                if (TempNamePattern().Match(System.IO.Path.GetFileName(candidate)) is { Success: true } match
                    && !IsAlive(match.Groups["pid"].Value)
                    && TryDeleteUnlocked(candidate))
                {
                    deleted.Add(candidate);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // an unreadable directory will fail the build in its own words
        }
        return deleted;
    }

    [GeneratedRegex(@"^\..+\.boxer-(?<pid>[0-9]{1,10})-[0-9a-f]{12}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TempNamePattern();

    private static bool IsAlive(string pidText)
    {
        if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
        {
            return false;
        }
        if (pid == Environment.ProcessId)
        {
            return true;
        }
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Deletes the file if its lock is free, holding the lock meanwhile so no writer can take it.</summary>
    private static bool TryDeleteUnlocked(string path)
    {
        try
        {
            // FileShare.None asks .NET for an exclusive flock(2), which fails while a writer holds its shared one.
            using var held = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
