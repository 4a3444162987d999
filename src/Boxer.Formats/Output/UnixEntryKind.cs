using System.Runtime.InteropServices;

namespace Boxer.Formats.Output;

/// <summary>
/// The file type of a path without following a final symlink, from statx(2), whose record has the same
/// layout on every Linux architecture (unlike stat's). .NET shows directories and links but not devices,
/// FIFOs or sockets, and opening one to find out could block (a FIFO) or act (a tape rewinds, a watchdog arms).
/// </summary>
public static class UnixEntryKind
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;

    /// <summary>A phrase for what the entry is ("a FIFO"), or null for a regular file or when it cannot be told.</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">Describe what a final symlink points to (for an input) instead of the link (for an output).</param>
    /// <returns>"a directory", "a symbolic link", "a character device", "a block device", "a FIFO", "a socket", or null.</returns>
    public static string? Describe(string path, bool followLinks = false)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var record = new byte[StatxSize];
        if (Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxType, record) != 0)
        {
            return null;
        }
        int type = BitConverter.ToUInt16(record, ModeOffset) & TypeMask;
        return type switch
        {
            0x8000 => null,
            0x4000 => "a directory",
            0xA000 => "a symbolic link",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            _ => "an unknown kind of file",
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] record);
}
