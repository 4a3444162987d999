using System.Text;
using Boxer.Abstractions;
using Boxer.Formats.Tar;

namespace Boxer.Formats.Tests.Tar.Support;

/// <summary>Trees that exercise every kind of entry and every header overflow a stage3 can hold.</summary>
public static class SampleTrees
{
    /// <summary>v2 capability: effective, permitted cap_setuid (bit 7, byte 0x80) and cap_net_raw (bit 13).</summary>
    public static readonly byte[] Capability = [0x01, 0, 0, 0x02, 0x80, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>A user xattr whose value a text decoder would break: newline, 0xff, NUL.</summary>
    public static readonly byte[] AwkwardValue = [(byte)'a', (byte)'\n', 0xff, 0x00, (byte)'z'];

    public static readonly string LongSplitPath = "usr/share/" + new string('a', 90) + "/" + new string('b', 90) + ".txt";

    public static readonly string LongPaxPath = "usr/share/" + string.Join('/', Enumerable.Repeat(new string('c', 60), 5)) + "/deep.txt";

    public static readonly string LongLinkTarget = "../" + new string('t', 120);

    public static MemoryRootFs Rich() => new MemoryRootFs()
        .Dir("bin")
        .File("bin/ping", "#!/bin/true ping\n", mode: 0b100_111_101_101)
        .Xattr("bin/ping", "security.capability", Capability)
        .HardLink("bin/ping-hard", "bin/ping")
        .Dir("dev")
        .Node("dev/null", EntryKind.CharDevice, 0b110_110_110, 1, 3)
        .Node("dev/sda", EntryKind.BlockDevice, 0b110_110_000, 8, 0)
        .File("etc/café.conf", "accent\n")
        .File("etc/empty", "")
        .File("etc/shadow", "root:*:1::::::\n", mode: 0b110_100_000, gid: 42)
        .Change("etc/shadow", e => e with { GroupName = "shadow" })
        .File("etc/tagged", "x")
        .Xattr("etc/tagged", "user.comment", AwkwardValue)
        .Dir("home/user", mode: 0b111_000_000, uid: 1000, gid: 1000)
        .Change("home/user", e => e with { UserName = "user", GroupName = "user" })
        .File("home/user/big-uid", "u", uid: 3_000_000, gid: 3_000_001)
        .Symlink("lib", "usr/lib")
        .Symlink("long-link", LongLinkTarget)
        .Node("run/initctl", EntryKind.Fifo, 0b110_000_000)
        .Dir("tmp", mode: 0b001_111_111_111)
        .File(LongSplitPath, "split\n")
        .File(LongPaxPath, "pax\n")
        .Dir("usr/lib");

    /// <summary>Writes <paramref name="tree"/> as a finished tar file and returns its path.</summary>
    public static string WriteTar(IReadOnlyRootFs tree, string path, TarWriterOptions? options = null)
    {
        using (var file = File.Create(path))
        {
            var writer = new TarWriter(file, options);
            writer.WriteTreeAsync(tree, null, CancellationToken.None).GetAwaiter().GetResult();
            writer.FinishAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        return path;
    }

    /// <summary>The line <c>tar -tv --numeric-owner</c> prints for an entry, with runs of spaces collapsed.</summary>
    public static string TarListLine(FsEntry e, string date)
    {
        char type = e.Kind switch
        {
            EntryKind.Directory => 'd',
            EntryKind.Symlink => 'l',
            EntryKind.HardLink => 'h',
            EntryKind.CharDevice => 'c',
            EntryKind.BlockDevice => 'b',
            EntryKind.Fifo => 'p',
            _ => '-',
        };
        string size = e.IsDevice ? $"{e.DeviceMajor},{e.DeviceMinor}" : e.Kind == EntryKind.File ? $"{e.Size}" : "0";
        string name = e.Path.Length == 0 ? "./" : e.Kind == EntryKind.Directory ? e.Path + "/" : e.Path;
        string suffix = e.Kind switch
        {
            EntryKind.Symlink => $" -> {e.LinkTarget}",
            EntryKind.HardLink => $" link to {e.LinkTarget}",
            _ => "",
        };
        return $"{type}{Permissions(e.Mode)} {e.Uid}/{e.Gid} {size} {date} {name}{suffix}";
    }

    public static string Permissions(int mode)
    {
        var s = new StringBuilder();
        string rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++)
        {
            s.Append((mode & (1 << (8 - i))) != 0 ? rwx[i] : '-');
        }
        Special(s, 2, (mode & 0b100_000_000_000) != 0, 's');
        Special(s, 5, (mode & 0b010_000_000_000) != 0, 's');
        Special(s, 8, (mode & 0b001_000_000_000) != 0, 't');
        return s.ToString();
    }

    private static void Special(StringBuilder s, int at, bool set, char lower)
    {
        if (set)
        {
            s[at] = s[at] == '-' ? char.ToUpperInvariant(lower) : lower;
        }
    }
}
