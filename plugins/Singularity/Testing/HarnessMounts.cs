using System.Globalization;

namespace Boxer.Targets.Singularity.Testing;

/// <summary>
/// The namespace harness's file systems, in a temporary directory: the squashfs partition (lower), a tmpfs
/// (upper and work), their overlay (the root), and a private tmpfs /dev with the usual nodes and a FIFO console.
/// Disposing unmounts them lazily and removes the directory.
/// </summary>
internal sealed class HarnessMounts : IAsyncDisposable
{
    private static readonly (string Name, int Major, int Minor)[] Devices =
        [("null", 1, 3), ("zero", 1, 5), ("full", 1, 7), ("random", 1, 8), ("urandom", 1, 9), ("tty", 5, 0)];

    private readonly DirectoryInfo _work;

    private HarnessMounts(DirectoryInfo work, long offset)
    {
        _work = work;
        Offset = offset;
    }

    public long Offset { get; }

    public string Root => Path.Combine(_work.FullName, "root");

    public string ConsoleFifo => Path.Combine(Root, "dev", "console");

    public string ConsoleLog => Path.Combine(_work.FullName, "console.log");

    private string Lower => Path.Combine(_work.FullName, "lower");

    private string Upper => Path.Combine(_work.FullName, "upper");

    public static async Task<HarnessMounts> CreateAsync(string sif, long offset, long size, CancellationToken cancellationToken)
    {
        var mounts = new HarnessMounts(Directory.CreateTempSubdirectory("boxer-sif-test-"), offset);
        try
        {
            await mounts.MountAsync(sif, size, cancellationToken).ConfigureAwait(false);
            return mounts;
        }
        catch
        {
            await mounts.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task MountAsync(string sif, long size, CancellationToken cancellationToken)
    {
        string I(long n) => n.ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Lower);
        Directory.CreateDirectory(Upper);
        Directory.CreateDirectory(Root);
        await HostProcess.RunCheckedAsync("mount", ["-t", "squashfs", "-o", $"loop,ro,offset={I(Offset)},sizelimit={I(size)}", sif, Lower], cancellationToken).ConfigureAwait(false);
        await HostProcess.RunCheckedAsync("mount", ["-t", "tmpfs", "tmpfs", Upper], cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.Combine(Upper, "u"));
        Directory.CreateDirectory(Path.Combine(Upper, "w"));
        await HostProcess.RunCheckedAsync("mount",
            ["-t", "overlay", "overlay", "-o", $"lowerdir={Lower},upperdir={Upper}/u,workdir={Upper}/w", Root], cancellationToken).ConfigureAwait(false);
        string dev = Path.Combine(Root, "dev");
        await HostProcess.RunCheckedAsync("mount", ["-t", "tmpfs", "-o", "mode=755", "tmpfs", dev], cancellationToken).ConfigureAwait(false);
        foreach (var (name, major, minor) in Devices)
        {
            await HostProcess.RunCheckedAsync("mknod", ["-m", "666", Path.Combine(dev, name), "c", I(major), I(minor)], cancellationToken).ConfigureAwait(false);
        }
        Directory.CreateDirectory(Path.Combine(dev, "pts"));
        Directory.CreateDirectory(Path.Combine(dev, "shm"));
        await File.WriteAllTextAsync(ConsoleLog, "", cancellationToken).ConfigureAwait(false);
        await HostProcess.RunCheckedAsync("mkfifo", ["-m", "600", ConsoleFifo], cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var mount in new[] { Path.Combine(Root, "dev"), Root, Upper, Lower })
        {
            await HostProcess.RunAsync("umount", ["-l", mount], CancellationToken.None).ConfigureAwait(false);
        }
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A lazy unmount may still hold a directory for a moment; the temp folder is the OS's to clean.
        }
    }
}
