using Boxer.Abstractions;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// <c>--out</c> follows the rules every boxer output follows (Boxer.Formats' OutputFile): anything but a
/// regular file or nothing is refused before any work, an existing file needs <c>--force</c>, each build has
/// its own temporary file, and failures name the user's path. The disk specs mount small tmpfs (root).
/// </summary>
public sealed class DockerOutputFileSpecs : IDisposable
{
    private static readonly UnixTime Epoch = new(1_700_000_000);

    private readonly Boxer.TestSupport.TempDir _dir = new("boxer-docker-out-");
    private readonly List<string> _mounts = [];

    [Fact]
    public async Task A_device_node_is_refused_before_any_work_even_with_force()
    {
        string device = _dir.Combine("full");
        ExternalTool.RunChecked("mknod", device, "c", "1", "7");
        var events = new EventLog();

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync(device, events, force: true));

        Assert.Equal($"refusing to replace {device}: it is a character device, not a regular file", error.Message);
        Assert.Empty(events.Events.OfType<PhaseStarted>());
        Assert.Equal("character special file", ExternalTool.RunChecked("stat", "-c", "%F", device).Stdout.Trim());
        Assert.Equal([device], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task An_existing_archive_is_kept_without_force_and_replaced_with_it()
    {
        string path = _dir.Combine("image.tar");
        File.WriteAllText(path, "old");

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync(path, new EventLog(), force: false));
        Assert.Equal($"{path} already exists; use --force to overwrite it", error.Message);
        Assert.Equal("old", File.ReadAllText(path));

        await BuildAsync(path, new EventLog(), force: true);
        Assert.NotEqual("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task Two_builds_with_the_same_out_do_not_delete_each_others_files()
    {
        string path = _dir.Combine("image.tar");
        Artifact? inner = null;
        // The second build runs whole while the first holds its temporary layer file, the overlap that
        // made them share `<out>.tmp` and delete each other's.
        var first = new CallbackLog(e =>
        {
            if (e is PhaseCompleted { Phase: "docker:layer" } && inner is null)
            {
                inner = BuildAsync(path, new EventLog(), force: true).GetAwaiter().GetResult();
            }
        });

        var outer = await BuildAsync(path, first, force: true);

        Assert.NotNull(inner);
        Assert.Equal(inner.Digest, outer.Digest);
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public async Task A_full_disk_names_the_out_path_and_leaves_nothing()
    {
        string mount = Mount("size=64k");
        string path = Path.Combine(mount, "image.tar");

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync(path, new EventLog(), force: false));

        Assert.Equal($"no space left on the device while writing {path}", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(mount));
    }

    [Fact]
    public async Task A_read_only_directory_names_the_out_path()
    {
        string mount = Mount("ro");
        string path = Path.Combine(mount, "image.tar");

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync(path, new EventLog(), force: false));

        Assert.Equal($"cannot write {path}: {mount} is on a read-only file system", error.Message);
    }

    [Fact]
    public async Task A_missing_directory_names_the_out_path()
    {
        string path = _dir.Combine("no", "such", "image.tar");

        var error = await Assert.ThrowsAsync<TargetException>(() => BuildAsync(path, new EventLog(), force: false));

        Assert.Equal($"cannot write {path}: directory {Path.GetDirectoryName(path)} does not exist", error.Message);
    }

    public void Dispose()
    {
        foreach (string mount in _mounts)
        {
            ExternalTool.Run("umount", [mount]);
        }
        _dir.Dispose();
    }

    /// <summary>Builds the busybox tree into <paramref name="path"/>; its layer (about 1 MB) outgrows a 64k disk.</summary>
    private static async Task<Artifact> BuildAsync(string path, IProgress<BuildEvent> events, bool force)
    {
        var tree = BusyboxTree.Create(Epoch);
        (string, string)[] options = force ? [(DockerTarget.OutOption, path), (DockerTarget.ForceOption, "true")] : [(DockerTarget.OutOption, path)];
        var artifacts = await new DockerTarget().BuildAsync(BusyboxTree.Context(tree, events, Epoch, options), default);
        return Assert.Single(artifacts);
    }

    private string Mount(string options)
    {
        Assert.True(Environment.UserName == "root", "this test mounts a tmpfs and needs root (CI runs tests as root)");
        string mount = _dir.Combine("mnt" + _mounts.Count);
        Directory.CreateDirectory(mount);
        ExternalTool.RunChecked("mount", "-t", "tmpfs", "-o", options, "tmpfs", mount);
        _mounts.Add(mount);
        return mount;
    }

    private sealed class CallbackLog(Action<BuildEvent> onEvent) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value) => onEvent(value);
    }
}
