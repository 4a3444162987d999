using System.Globalization;
using Boxer.Abstractions;
using Boxer.Formats.Tests.Squashfs.Support;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Squashfs;

/// <summary>Our images as the Linux kernel mounts them (needs root: <c>mount -o loop</c>).</summary>
public sealed class SquashfsKernelSpecs : IDisposable
{
    private readonly TempDir _temp = new();
    private string? _mounted;

    [Fact]
    public async Task The_kernel_shows_every_entry_with_its_metadata()
    {
        var tree = SampleTrees.EveryKind();
        string root = await MountAsync(tree);

        // %y type, %m octal mode, %U/%G owner, %s size, %T@ mtime, %l link target
        string output = ExternalTool.RunChecked("find", root, "-printf", "%P|%y|%m|%U|%G|%s|%T@|%l\\n").Stdout;

        var actual = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(WithoutDirectorySize).Order(StringComparer.Ordinal);
        var expected = tree.Entries.Select(Line).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_kernel_shows_device_numbers_and_shared_hard_link_inodes()
    {
        var tree = SampleTrees.EveryKind();
        string root = await MountAsync(tree);
        var devices = tree.Entries.Where(e => e.IsDevice).ToList();

        string output = ExternalTool.Run("stat", ["-c", "%Hr,%Lr", .. devices.Select(d => Path.Combine(root, d.Path))]).EnsureSuccess().Stdout;
        string links = ExternalTool.RunChecked("stat", "-c", "%i %h", Path.Combine(root, "bin/ping"), Path.Combine(root, "bin/ping6")).Stdout;

        Assert.Equal(devices.Select(d => $"{d.DeviceMajor},{d.DeviceMinor}"), output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var pair = links.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pair[0], pair[1]);
        Assert.EndsWith(" 2", pair[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kernel_returns_xattr_bytes_and_contents_exactly()
    {
        var tree = SampleTrees.EveryKind();
        string root = await MountAsync(tree);

        foreach (var entry in tree.Entries.Where(e => e.Xattrs.Count > 0))
        {
            string dump = ExternalTool.RunChecked("getfattr", "--absolute-names", "-d", "-m", "-", "-e", "hex", Path.Combine(root, entry.Path)).Stdout;
            var actual = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
            Assert.Equal(entry.Xattrs.Select(x => $"{x.Key}=0x{Convert.ToHexStringLower(x.Value.AsSpan())}"), actual);
        }
        foreach (var file in tree.Entries.Where(e => e.HasContent))
        {
            Assert.True(tree.ReadAllBytes(file.Path).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(root, file.Path))), file.Path);
        }
    }

    public void Dispose()
    {
        if (_mounted is not null)
        {
            ExternalTool.RunChecked("umount", _mounted);
        }
        _temp.Dispose();
    }

    private async Task<string> MountAsync(MemoryRootFs tree)
    {
        Assert.True(Environment.UserName == "root", "mounting a squashfs image with the kernel needs root (CI runs these tests as root)");
        string image = await ImageFactory.WriteAsync(tree, _temp.Combine("image.sqfs"));
        string mountPoint = _temp.Combine("mnt");
        Directory.CreateDirectory(mountPoint);
        ExternalTool.RunChecked("mount", "-t", "squashfs", "-o", "loop,ro", image, mountPoint);
        _mounted = mountPoint;
        return mountPoint;
    }

    private static string WithoutDirectorySize(string line)
    {
        var f = line.Split('|');
        if (f[1] == "d")
        {
            f[5] = "*";
        }
        return string.Join('|', f);
    }

    private static string Line(FsEntry e)
    {
        char type = e.Kind switch
        {
            EntryKind.Directory => 'd',
            EntryKind.Symlink => 'l',
            EntryKind.CharDevice => 'c',
            EntryKind.BlockDevice => 'b',
            EntryKind.Fifo => 'p',
            EntryKind.Socket => 's',
            _ => 'f',
        };
        string size = e.Kind switch
        {
            EntryKind.Directory => "*",
            EntryKind.Symlink => System.Text.Encoding.UTF8.GetByteCount(e.LinkTarget!).ToString(CultureInfo.InvariantCulture),
            _ => e.Size.ToString(CultureInfo.InvariantCulture),
        };
        string link = e.Kind == EntryKind.Symlink ? e.LinkTarget! : "";
        return $"{e.Path}|{type}|{Convert.ToString(e.Mode, 8)}|{e.Uid}|{e.Gid}|{size}|{e.ModifiedTime.Seconds}.0000000000|{link}";
    }
}
