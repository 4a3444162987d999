using System.Text;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// A small stage3-like directory made with the real tools (as root): devices, a FIFO, owners 250 and
/// 65534, setuid, a binary file capability, a hard-link group of 3, long and UTF-8 names, symlinks
/// (absolute, relative, a loop), busybox as /bin/sh, OpenRC's files and an os-release.
/// </summary>
internal static class StageDirectory
{
    public const string LongName =
        "usr/share/a-directory-name-long-enough-to-need-the-ustar-prefix-or-a-gnu-long-name-record/" +
        "and-another-rather-long-segment-that-pushes-the-whole-path-over-the-limit/" +
        "file-whose-name-brings-the-path-to-two-hundred-bytes.txt";

    public const string Utf8Name = "usr/share/naïve-文件-😀.txt";

    public static void Populate(string root)
    {
        Tools.RequireRoot();
        foreach (var dir in new[] { "bin", "sbin", "etc/runlevels/default", "etc/init.d", "dev", "usr/bin", "var/empty", "home/portage" })
        {
            Directory.CreateDirectory(Path.Combine(root, dir));
        }
        File.Copy("/bin/busybox", Path.Combine(root, "bin/busybox"));
        Write(root, "etc/os-release", "NAME=\"Gentoo \\\"Test\\\" Linux\"\nID=gentoo\nVERSION_ID='2.17'\n# comment\nPRETTY_NAME=\"Gentoo $X\"\n");
        Write(root, "etc/rc.conf", "#rc_sys=\"\"\n");
        Write(root, "sbin/openrc", "#!/bin/sh\n");
        Write(root, "usr/bin/gzip", "gzip-binary\n");
        Write(root, "usr/bin/empty", "");
        Write(root, "usr/bin/ping", "ping-binary\n");
        Write(root, "home/portage/owned", "by 250\n");
        Write(root, "var/empty/nobody", "by 65534\n");
        Write(root, LongName, "long\n");
        Write(root, Utf8Name, "utf-8\n");
        var big = new byte[(3 << 20) + 1234];
        new Random(42).NextBytes(big);
        File.WriteAllBytes(Path.Combine(root, "usr/bin/big"), big);
        Tools.Shell("""
            set -e
            ln -s busybox bin/sh
            ln usr/bin/gzip usr/bin/gunzip && ln usr/bin/gzip usr/bin/zcat
            ln -s /usr/share/zoneinfo/UTC etc/localtime
            ln -s ../init.d/sshd etc/runlevels/default/sshd
            ln -s loop-b etc/loop-a && ln -s loop-a etc/loop-b
            mknod dev/null c 1 3 && mknod dev/sda b 8 0 && mkfifo dev/initctl
            mkdir -m 1777 tmp && chmod 1777 tmp
            chmod 4755 usr/bin/ping && setcap cap_net_raw+ep usr/bin/ping
            setfattr -n user.binary -v 0x0080ff0a00 usr/bin/gzip
            chown 250:250 home/portage home/portage/owned && chown 65534:65534 var/empty/nobody
            touch -h -d '2020-01-02 03:04:05.123456789 UTC' etc/rc.conf
            """, root);
    }

    private static void Write(string root, string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }
}
