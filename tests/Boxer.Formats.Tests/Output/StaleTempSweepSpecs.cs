using System.Diagnostics;
using System.Globalization;
using Boxer.Formats.Output;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Output;

/// <summary>
/// What SIGKILL leaves (a temporary file) the next build removes, but only when its writer is gone: no
/// process with its pid and no holder of its lock. Two live builds never delete each other's files.
/// </summary>
public sealed class StaleTempSweepSpecs : IDisposable
{
    /// <summary>Above the largest pid_max Linux allows (2^22), so no process can have it.</summary>
    private const int DeadPid = 4_194_305;

    private readonly TempDir _dir = new("boxer-sweep-");
    private readonly List<Process> _holders = [];

    [Fact]
    public void A_temporary_file_of_a_dead_writer_with_a_free_lock_is_swept_by_the_next_output()
    {
        string stale = Temp("a.img", DeadPid);

        using (var output = OutputFile.Create("t", _dir.Combine("b.img"), force: false))
        {
            Assert.False(File.Exists(stale));
        }
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void A_temporary_file_whose_lock_is_held_is_kept_whatever_its_pid()
    {
        string locked = Temp("a.img", DeadPid);
        HoldLock(locked);

        Assert.Empty(OutputFile.SweepStale(_dir.Path));
        Assert.True(File.Exists(locked));
    }

    [Fact]
    public void A_temporary_file_of_a_live_process_is_kept_even_before_it_locks_it()
    {
        var holder = HoldLock(_dir.Combine("unrelated-lock"));
        string unlocked = Temp("a.img", holder.Id);

        Assert.Empty(OutputFile.SweepStale(_dir.Path));
        Assert.True(File.Exists(unlocked));
    }

    [Fact]
    public void A_live_output_of_this_process_is_never_swept()
    {
        using var output = OutputFile.Create("t", _dir.Combine("a.img"), force: false);

        Assert.Empty(OutputFile.SweepStale(_dir.Path));
        Assert.True(File.Exists(output.TempPath));
    }

    [Fact]
    public void Files_outside_the_naming_scheme_are_never_touched()
    {
        string[] others = [".a.img.tmp", "a.img.tmp", $".a.img.{Guid.NewGuid():N}.tmp", ".boxer-layer-0123.tar.gz.tmp"];
        foreach (string name in others)
        {
            File.WriteAllText(_dir.Combine(name), "");
        }

        Assert.Empty(OutputFile.SweepStale(_dir.Path));
        Assert.Equal(others.Length, Directory.GetFileSystemEntries(_dir.Path).Length);
    }

    public void Dispose()
    {
        foreach (var holder in _holders)
        {
            holder.Kill();
            holder.WaitForExit();
            holder.Dispose();
        }
        _dir.Dispose();
    }

    private string Temp(string fileName, int pid)
    {
        string name = OutputFile.TempName(fileName).Replace(
            $"-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-", $"-{pid.ToString(CultureInfo.InvariantCulture)}-", StringComparison.Ordinal);
        string path = _dir.Combine(name);
        File.WriteAllText(path, "left by a killed build");
        return path;
    }

    /// <summary>Another process holding a shared flock on the file, as a live writer does.</summary>
    private Process HoldLock(string path)
    {
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "");
        }
        var holder = Process.Start(new ProcessStartInfo("flock", ["--shared", path, "sh", "-c", "echo held; exec sleep 600"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("flock did not start");
        _holders.Add(holder);
        Assert.Equal("held", holder.StandardOutput.ReadLine());
        return holder;
    }
}
