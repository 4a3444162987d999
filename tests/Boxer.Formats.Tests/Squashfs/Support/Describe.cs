using System.Globalization;
using Boxer.Abstractions;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>What independent tools should print for an entry.</summary>
public static class Describe
{
    /// <summary>The line <c>rdsquashfs -d</c> prints (gensquashfs's file-list format).</summary>
    public static string AsRdsquashfs(FsEntry e, FsEntry? target = null)
    {
        string common = $"{e.Path} 0{Convert.ToString(e.Mode, 8)} {e.Uid} {e.Gid}";
        return e.Kind switch
        {
            EntryKind.Directory => $"dir {common}",
            EntryKind.File or EntryKind.HardLink => $"file {common}",
            EntryKind.Symlink => $"slink {common} {e.LinkTarget}",
            EntryKind.CharDevice => $"nod {common} c {e.DeviceMajor} {e.DeviceMinor}",
            EntryKind.BlockDevice => $"nod {common} b {e.DeviceMajor} {e.DeviceMinor}",
            EntryKind.Fifo => $"pipe {common}",
            EntryKind.Socket => $"sock {common}",
            _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };
    }

    /// <summary><c>unsquashfs -lln</c>'s line with runs of spaces squeezed, for an image listed with TZ=UTC.</summary>
    public static string AsUnsquashfs(FsEntry e)
    {
        string size = e.Kind switch
        {
            EntryKind.Directory => "*",
            EntryKind.CharDevice or EntryKind.BlockDevice => $"{e.DeviceMajor},{e.DeviceMinor}",
            EntryKind.Symlink => System.Text.Encoding.UTF8.GetByteCount(e.LinkTarget!).ToString(CultureInfo.InvariantCulture),
            _ => e.Size.ToString(CultureInfo.InvariantCulture),
        };
        string time = e.ModifiedTime.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string path = e.Path.Length == 0 ? "squashfs-root" : "squashfs-root/" + e.Path;
        string link = e.Kind == EntryKind.Symlink ? " -> " + e.LinkTarget : "";
        return $"{TypeChar(e.Kind)}{Permissions(e.Mode)} {e.Uid}/{e.Gid} {size} {time} {path}{link}";
    }

    public static string Permissions(int mode)
    {
        var c = new char[9];
        string rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++)
        {
            c[i] = (mode & (1 << (8 - i))) != 0 ? rwx[i] : '-';
        }
        c[2] = Special(mode, 0x800, c[2], 's');
        c[5] = Special(mode, 0x400, c[5], 's');
        c[8] = Special(mode, 0x200, c[8], 't');
        return new string(c);
    }

    private static char Special(int mode, int bit, char current, char lower) =>
        (mode & bit) == 0 ? current : current == '-' ? char.ToUpperInvariant(lower) : lower;

    private static char TypeChar(EntryKind kind) => kind switch
    {
        EntryKind.Directory => 'd',
        EntryKind.Symlink => 'l',
        EntryKind.CharDevice => 'c',
        EntryKind.BlockDevice => 'b',
        EntryKind.Fifo => 'p',
        EntryKind.Socket => 's',
        _ => '-',
    };
}
