namespace Boxer.Abstractions;

/// <summary>The kind of a filesystem entry, as a tar archive or a squashfs image distinguishes them.</summary>
public enum EntryKind
{
    /// <summary>A regular file with content.</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link; <see cref="FsEntry.LinkTarget"/> holds its target verbatim.</summary>
    Symlink,

    /// <summary>
    /// A further name of a file that appeared earlier in enumeration order; <see cref="FsEntry.LinkTarget"/>
    /// is the path of that first name. Metadata and content are the first name's.
    /// </summary>
    HardLink,

    /// <summary>A character device node.</summary>
    CharDevice,

    /// <summary>A block device node.</summary>
    BlockDevice,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A unix domain socket (squashfs can hold one; tar cannot).</summary>
    Socket,
}
