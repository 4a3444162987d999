using System.Text;
using Boxer.Abstractions;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>Trees covering every kind of entry and the layout corner cases of squashfs.</summary>
public static class SampleTrees
{
    /// <summary>A cap_net_raw+ep capability, binary with a 0x80-ish byte and a NUL: must survive untouched.</summary>
    public static readonly byte[] Capability = [0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];

    public static MemoryRootFs EveryKind(int blockSize = 128 * 1024)
    {
        var fs = new MemoryRootFs(new UnixTime(1_700_000_000));
        fs.Directory("bin");
        fs.File("bin/ping", Pattern(3 * blockSize + 1234, 7), Octal.Of(4755));
        fs.Xattr("bin/ping", "security.capability", Capability);
        fs.HardLink("bin/ping6", "bin/ping");
        fs.File("bin/empty", []);
        fs.File("bin/small", "hello\n", Octal.Of(600));
        fs.Directory("dev", Octal.Of(755));
        fs.Node("dev/null", EntryKind.CharDevice, Octal.Of(666), 1, 3);
        fs.Node("dev/sda1", EntryKind.BlockDevice, Octal.Of(660), 8, 1);
        fs.Node("dev/nvme0n1p9", EntryKind.BlockDevice, Octal.Of(660), 259, 300000);
        fs.Node("dev/initctl", EntryKind.Fifo, Octal.Of(600));
        fs.Node("dev/log", EntryKind.Socket, Octal.Of(666));
        fs.Directory("etc", Octal.Of(755));
        fs.File("etc/hostname", "box\n");
        fs.Xattr("etc/hostname", "user.comment", Encoding.UTF8.GetBytes("a\nmulti-line\0value"));
        fs.Xattr("etc/hostname", "trusted.overlay.opaque", "y"u8.ToArray());
        fs.Symlink("etc/localtime", "../usr/share/zoneinfo/UTC");
        fs.Directory("home", Octal.Of(755));
        fs.Directory("home/user", Octal.Of(700), 1000, 1000);
        fs.File("home/user/notes.txt", "ünïcödé\n", Octal.Of(640));
        fs.Add(fs.Get("home/user/notes.txt") with { Uid = 1000, Gid = 100 });
        fs.File("home/user/Grüße-日本語.txt", "utf-8 name\n");
        fs.Directory("tmp", Octal.Of(1777));
        fs.Directory("var", Octal.Of(755));
        fs.File("var/sparse.img", Sparse(blockSize));
        fs.File("var/large.bin", Pattern(5 * blockSize, 11));
        fs.File("var/large-copy.bin", Pattern(5 * blockSize, 11), Octal.Of(600));
        fs.File("var/small-copy", "hello\n");
        fs.Directory("var/empty", Octal.Of(755));
        fs.Xattr("var/empty", "user.dir", [1, 2, 3]);
        AddDeepPath(fs);
        AddManyEntries(fs, "usr/share/many", 600);
        return fs;
    }

    public static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        var random = new Random(seed);
        random.NextBytes(bytes);
        // half compressible, half random
        for (int i = 0; i < length; i += 2)
        {
            bytes[i] = (byte)(i / 977);
        }
        return bytes;
    }

    private static byte[] Sparse(int blockSize)
    {
        var bytes = new byte[4 * blockSize + 100];
        bytes[blockSize + 5] = 42;
        bytes[^1] = 7;
        return bytes;
    }

    private static void AddDeepPath(MemoryRootFs fs)
    {
        string path = "usr";
        fs.Directory(path);
        while (path.Length < 180)
        {
            path += "/" + new string('d', 20);
            fs.Directory(path);
        }
        fs.File(path + "/" + new string('n', 255), "long name\n");
        fs.Symlink(path + "/link", new string('t', 300));
    }

    private static void AddManyEntries(MemoryRootFs fs, string directory, int count)
    {
        fs.Directory("usr/share");
        fs.Directory(directory);
        for (int i = 0; i < count; i++)
        {
            string name = $"{directory}/entry-with-a-fairly-long-name-{i:D5}";
            if (i % 3 == 0)
            {
                fs.Directory(name);
            }
            else
            {
                fs.File(name, $"content {i}\n");
            }
        }
    }
}
