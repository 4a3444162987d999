using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// Imports hand-made archives into a private spool directory and checks what a refused import leaves
/// behind. The spool file is unlinked as soon as it is created, so an empty directory proves nothing:
/// what can leak is an open descriptor to it, which /proc/self/fd shows as "&lt;spool dir&gt;/… (deleted)".
/// </summary>
internal sealed class ImportHarness : IDisposable
{
    private readonly TempDir _dir = new("boxer-hostile-");
    private readonly TempDir _spool = new("boxer-spool-");
    private readonly List<LogMessage> _logs = [];

    /// <summary>The import's warnings so far, in order.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs.Where(l => l.Level == BuildLogLevel.Warning).Select(l => l.Message)];
            }
        }
    }

    public string InputPath => _dir.Combine("input");

    /// <summary>Removes the directories; fails the spec when an imported stage was left undisposed (its spool still open).</summary>
    public void Dispose()
    {
        var leaked = OpenSpoolDescriptors();
        _dir.Dispose();
        _spool.Dispose();
        Assert.Empty(leaked);
    }

    /// <summary>Imports <paramref name="input"/>, expecting a refusal that leaves no file and no open descriptor.</summary>
    public async Task<StageException> Refused(byte[] input, bool native = true)
    {
        Assert.Empty(OpenSpoolDescriptors());
        var error = await Assert.ThrowsAsync<StageException>(() => Import(input, native));
        Assert.DoesNotContain(error.Message, char.IsControl);
        Assert.Empty(Directory.GetFileSystemEntries(_spool.Path));
        Assert.Empty(OpenSpoolDescriptors());
        return error;
    }

    public Task<ImportedStage> Import(byte[] input, bool native = true, CancellationToken cancellationToken = default)
    {
        File.WriteAllBytes(InputPath, input);
        return ImportFile(InputPath, native, cancellationToken);
    }

    public Task<ImportedStage> ImportFile(string path, bool native = true, CancellationToken cancellationToken = default) =>
        StageImporter.ImportAsync(
            path, new ImportOptions { SpoolDirectory = _spool.Path, PreferNativeTools = native }, new LogCollector(_logs), cancellationToken);

    /// <summary>A path in the harness's scratch directory.</summary>
    public string Combine(string name) => _dir.Combine(name);

    /// <summary>Compresses <paramref name="data"/> with the real tool.</summary>
    public byte[] Compressed(string tool, byte[] data)
    {
        File.WriteAllBytes(_dir.Combine("raw"), data);
        Tools.Run(tool, ["-c", _dir.Combine("raw")], stdoutFile: _dir.Combine("compressed"));
        File.Delete(_dir.Combine("raw"));
        return File.ReadAllBytes(_dir.Combine("compressed"));
    }

    /// <summary>This process's open descriptors that point into the spool directory (the unlinked spool file included).</summary>
    public IReadOnlyList<string> OpenSpoolDescriptors()
    {
        var prefix = _spool.Path.TrimEnd('/') + "/";
        var found = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (IOException)
            {
                continue; // closed by another thread between listing and reading
            }
            if (target is not null && target.StartsWith(prefix, StringComparison.Ordinal))
            {
                found.Add($"{fd} -> {target}");
            }
        }
        return found;
    }

    // Progress<T> would post to the thread pool; the specs read the log right after the import returns.
    private sealed class LogCollector(List<LogMessage> logs) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value)
        {
            if (value is LogMessage log)
            {
                lock (logs)
                {
                    logs.Add(log);
                }
            }
        }
    }
}
