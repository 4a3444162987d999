using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes.Support;

// A merged-usr systemd stage3 in miniature: /sbin, /bin and /lib are symlinks into /usr; no /etc/rc.conf.
internal static class MiniSystemdStage
{
    public static RootFs Create()
    {
        var fs = new RootFs { NewEntryTime = new UnixTime(1_700_000_000) };
        fs.CreateSymlink("bin", "usr/bin");
        fs.CreateSymlink("sbin", "usr/bin");
        fs.CreateSymlink("lib", "usr/lib");
        fs.WriteAllText("usr/lib/systemd/systemd", "ELF-systemd", 0b111_101_101);
        fs.CreateSymlink("usr/bin/init", "../lib/systemd/systemd");
        fs.WriteAllText("usr/lib/systemd/system/sshd.service", "[Unit]\nDescription=OpenSSH\n");
        fs.WriteAllText("usr/lib/systemd/system/getty@.service", "[Unit]\n");
        fs.WriteAllText("usr/lib/modules/6.6.13-gentoo/kernel/e1000.ko", new string('k', 2000));
        fs.WriteAllText("usr/share/zoneinfo/UTC", "TZif2");
        fs.CreateSymlink("etc/localtime", "../usr/share/zoneinfo/Europe/Berlin");
        fs.WriteAllText("etc/fstab", "# empty\n");
        fs.WriteAllText("etc/ssh/ssh_host_rsa_key", "PRIVATE");
        fs.CreateDirectory("run");
        return fs;
    }
}
