using System.Diagnostics;
using System.Text;

namespace Boxer.Bench;

/// <summary>
/// Makes a stage3-like .tar.xz of about the requested uncompressed size from this machine's /usr: entries
/// in path order, files over 16 MiB skipped (a stage3 has few), archived by GNU tar the way catalyst does
/// (POSIX format, xattrs, numeric owners) and compressed with <c>xz -T2 -6</c>. When /usr is too small,
/// copies of it under <c>copyN/</c> are appended with <c>tar -A</c>. Cached under bench/out/.
/// </summary>
internal static class StageGenerator
{
    private const long MaxFileBytes = 16L << 20;

    public static string Ensure(BenchOptions options)
    {
        var outDir = Path.Combine(RepoRoot(), "bench", "out");
        Directory.CreateDirectory(outDir);
        var stage = Path.Combine(outDir, $"stage-{options.SizeLabel}.tar.xz");
        if (File.Exists(stage))
        {
            return stage;
        }
        Console.WriteLine($"generating {stage} (once; cached) ...");
        var list = Path.Combine(outDir, "entries.list");
        var (entries, bytes) = WriteList(list, options.SizeBytes);
        var tar = Path.Combine(outDir, "stage.tar");
        Tar(tar, list, null);
        for (int copy = 1; bytes * (copy + 1) <= options.SizeBytes * 1.05 && bytes * copy < options.SizeBytes; copy++)
        {
            var part = Path.Combine(outDir, $"copy{copy}.tar");
            Tar(part, list, $"s,^,copy{copy}/,");
            Run("tar", ["-Af", tar, part]);
            File.Delete(part);
        }
        Run("sh", ["-c", $"xz -T2 -6 -c '{tar}' > '{stage}.part' && mv '{stage}.part' '{stage}'"]);
        File.Delete(tar);
        Console.WriteLine($"generated: {entries} entries from /usr, {bytes >> 20} MiB of content, {new FileInfo(stage).Length >> 20} MiB compressed");
        return stage;
    }

    private static (int Entries, long Bytes) WriteList(string list, long target)
    {
        var found = Run("sh", ["-c", "cd / && find usr -xdev -printf '%s\\t%y\\t%p\\0'"]);
        long bytes = 0;
        int entries = 0;
        using var writer = new StreamWriter(list, false, new UTF8Encoding(false));
        var records = found.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split('\t', 3));
        foreach (var fields in records.OrderBy(f => f[2], StringComparer.Ordinal))
        {
            long size = long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
            if (fields[1] == "f" && size > MaxFileBytes)
            {
                continue;
            }
            writer.Write(fields[2]);
            writer.Write('\0');
            entries++;
            bytes += fields[1] == "f" ? size : 0;
            if (bytes >= target)
            {
                break;
            }
        }
        return (entries, bytes);
    }

    private static void Tar(string output, string list, string? transform) =>
        Run("tar", [
            "--format=posix", "--xattrs", "--xattrs-include=*", "--numeric-owner", "--no-recursion",
            .. transform is null ? Array.Empty<string>() : ["--transform", transform],
            "-C", "/", "--null", "-T", list, "-cf", output]);

    private static string Run(string tool, string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // GNU tar exits 1 when a file changed while being read; the archive is still complete.
        bool ok = process.ExitCode == 0 || (tool == "tar" && process.ExitCode == 1);
        return ok
            ? output
            : throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed with exit code {process.ExitCode}");
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Boxer.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Boxer.sln not found above the bench's directory");
    }
}
