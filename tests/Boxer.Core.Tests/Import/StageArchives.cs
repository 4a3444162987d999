using Boxer.TestSupport;
namespace Boxer.Core.Tests.Import;

/// <summary>
/// The stage directory archived once by GNU tar (POSIX/PAX with xattrs, and GNU format) and compressed
/// by the real tools, including concatenated xz streams and multi-member gzip and lzip files.
/// Shared by the import tests; removed when they finish.
/// </summary>
public sealed class StageArchives : IDisposable
{
    private readonly TempDir _dir = new("boxer-stage-");

    public StageArchives()
    {
        StageDir = _dir.Combine("stage");
        Directory.CreateDirectory(StageDir);
        StageDirectory.Populate(StageDir);
        Tar("posix.tar", "--format=posix", "--xattrs", "--xattrs-include=*");
        Tar("gnu.tar", "--format=gnu");
        Compress("xz", ["-T1", "-1", "-c"], "posix.tar.xz");
        Compress("gzip", ["-c"], "posix.tar.gz");
        Compress("bzip2", ["-1", "-c"], "posix.tar.bz2");
        Compress("zstd", ["-q", "-c"], "posix.tar.zst");
        Compress("lzip", ["-0", "-c"], "posix.tar.lz");
        Concatenate("xz", ["-T1", "-1", "-c"], "concatenated.tar.xz");
        Concatenate("gzip", ["-c"], "members.tar.gz");
        Concatenate("lzip", ["-0", "-c"], "members.tar.lz");
        Concatenate("bzip2", ["-1", "-c"], "members.tar.bz2");
        Concatenate("zstd", ["-q", "-c"], "frames.tar.zst");
    }

    public string StageDir { get; }

    public string this[string name] => _dir.Combine(name);

    /// <summary>A fresh empty directory for a test's spool, to check that nothing is left in it.</summary>
    public TempDir NewSpoolDir() => new("boxer-spool-");

    public void Dispose() => _dir.Dispose();

    private void Tar(string name, params string[] format) =>
        Tools.Run("tar", [.. format, "--numeric-owner", "--sort=name", "-C", StageDir, "-cf", _dir.Combine(name), "."]);

    private void Compress(string tool, string[] args, string output) =>
        Tools.Run(tool, [.. args, _dir.Combine("posix.tar")], stdoutFile: _dir.Combine(output));

    // Splits the tar at a block boundary in its middle, compresses each half, and concatenates the results.
    private void Concatenate(string tool, string[] args, string output)
    {
        var tar = File.ReadAllBytes(_dir.Combine("posix.tar"));
        int cut = tar.Length / 2 / 512 * 512;
        File.WriteAllBytes(_dir.Combine("half1"), tar[..cut]);
        File.WriteAllBytes(_dir.Combine("half2"), tar[cut..]);
        Tools.Run(tool, [.. args, _dir.Combine("half1")], stdoutFile: _dir.Combine("half1.c"));
        Tools.Run(tool, [.. args, _dir.Combine("half2")], stdoutFile: _dir.Combine("half2.c"));
        File.WriteAllBytes(_dir.Combine(output), [.. File.ReadAllBytes(_dir.Combine("half1.c")), .. File.ReadAllBytes(_dir.Combine("half2.c"))]);
    }
}
