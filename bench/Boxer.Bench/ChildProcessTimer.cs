using System.Diagnostics;
using System.Globalization;

namespace Boxer.Bench;

/// <summary>
/// Runs a command under GNU <c>/usr/bin/time</c> (Debian package <c>time</c>), whose CPU figures include
/// the grandchildren the command waited for (xz under sh, or boxer's own xz).
/// </summary>
internal static class ChildProcessTimer
{
    private const string GnuTime = "/usr/bin/time";

    public static Measurement Time(string[] command)
    {
        var report = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo(GnuTime) { RedirectStandardOutput = true };
            foreach (var arg in (string[])["-o", report, "-f", "%U %S", .. command])
            {
                info.ArgumentList.Add(arg);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)
                ?? throw new InvalidOperationException($"cannot start {GnuTime} (Debian package 'time')");
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', command)} exited {process.ExitCode}");
            }
            var cpu = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ')
                .Sum(t => double.Parse(t, CultureInfo.InvariantCulture));
            return new Measurement(clock.Elapsed.TotalSeconds, cpu, output);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
