using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes.Support;

// A small Gentoo-like OpenRC stage3 built through IRootFs edits: the real files recipes touch (rc.conf,
// inittab, init scripts with OpenRC's actual keyword lines, runlevels) and entries they must not touch.
internal static class MiniStage
{
    public const string InittabText = """
        id:3:initdefault:
        si::sysinit:/sbin/openrc sysinit
        rc::bootwait:/sbin/openrc boot
        l3:3:wait:/sbin/openrc default
        su0:S:wait:/sbin/openrc single
        ca:12345:ctrlaltdel:/sbin/shutdown -r now
        c1:12345:respawn:/sbin/agetty 38400 tty1 linux
        c2:2345:respawn:/sbin/agetty 38400 tty2 linux
        c3:2345:respawn:/sbin/agetty 38400 tty3 linux
        c4:2345:respawn:/sbin/agetty 38400 tty4 linux
        c5:2345:respawn:/sbin/agetty 38400 tty5 linux
        c6:2345:respawn:/sbin/agetty 38400 tty6 linux
        #s0:12345:respawn:/sbin/agetty -L 9600 ttyS0 vt100

        """;

    public const string RcConfText = """
        # Global OpenRC configuration settings
        #rc_parallel="NO"
        # ""               - nothing special
        # "docker"         - Docker container manager (Linux)
        #rc_sys=""
        #rc_provide="!net"
        rc_tty_number=12

        """;

    /// <summary>Init scripts and their keyword lines as OpenRC 0.5x ships them (null: no keyword line).</summary>
    public static readonly (string Level, string Service, string? Keywords)[] Services =
    [
        ("sysinit", "devfs", "-docker -podman -prefix -systemd-nspawn -vserver -wsl"),
        ("sysinit", "udev", null),
        ("boot", "hostname", "-docker -podman -lxc -prefix -systemd-nspawn -wsl"),
        ("boot", "loopback", "-jail -prefix -systemd-nspawn -vserver"),
        ("boot", "sysctl", "-prefix -systemd-nspawn -vserver"),
        ("boot", "bootmisc", "-prefix -timeout -wsl"),
        ("boot", "localmount", "-docker -podman -jail -lxc -prefix -systemd-nspawn -vserver -wsl"),
        ("boot", "backlight", "-containers"),
        ("default", "netmount", "-docker -podman -jail -lxc -prefix -systemd-nspawn -vserver -wsl"),
        ("default", "local", "-timeout"),
        ("default", "dockerok", "-containers\n\tkeyword !-docker"),
    ];

    public static StageInfo Stage(InitSystem init = InitSystem.OpenRC) => new()
    {
        SourcePath = "/tmp/stage3-amd64-openrc-20261124.tar.xz",
        SourceSha256 = new string('0', 64),
        Compression = "xz",
        Architecture = CpuArchitecture.Amd64,
        InitSystem = init,
        OsRelease = new Dictionary<string, string> { ["NAME"] = "Gentoo", ["ID"] = "gentoo" },
    };

    public static RootFs Create()
    {
        var fs = new RootFs { NewEntryTime = new UnixTime(1_700_000_000) };
        fs.WriteAllText("etc/rc.conf", RcConfText);
        fs.WriteAllText("etc/inittab", InittabText);
        fs.WriteAllText("etc/fstab", "# /etc/fstab: static file system information.\n/dev/sda1 / ext4 noatime 0 1\n");
        fs.WriteAllText("etc/init.d/sshd", Script(null));
        foreach (var (level, service, keywords) in Services)
        {
            fs.WriteAllText($"etc/init.d/{service}", Script(keywords), 0b111_101_101);
            fs.CreateSymlink($"etc/runlevels/{level}/{service}", $"/etc/init.d/{service}");
        }
        fs.CreateDirectory("etc/runlevels/shutdown");
        fs.WriteAllText("bin/bash", "#!stand-in for a shell\n", 0b111_101_101);
        fs.CreateSymlink("bin/sh", "bash");
        AddLeftovers(fs);
        AddUntouchables(fs);
        return fs;
    }

    public static string Script(string? keywords) =>
        "#!/sbin/openrc-run\n\ndepend() {\n\tneed localmount\n" + (keywords is null ? "" : $"\tkeyword {keywords}\n") + "}\n";

    private static void AddLeftovers(RootFs fs)
    {
        fs.WriteAllText("usr/src/linux-6.6.13-gentoo/Makefile", new string('m', 1000));
        fs.WriteAllText("usr/src/linux-6.6.13-gentoo/kernel/sched.c", new string('c', 500));
        fs.CreateSymlink("usr/src/linux", "linux-6.6.13-gentoo");
        fs.WriteAllText("lib/modules/6.6.13-gentoo/kernel/e1000.ko", new string('k', 2000));
        fs.WriteAllText("var/git/meta-repo/README", "meta\n");
        fs.WriteAllText("var/db/pkg/sys-kernel/gentoo-sources-6.6.13/CONTENTS", "dir /usr/src\n");
        fs.WriteAllText("usr/share/zoneinfo/UTC", "TZif2");
        fs.WriteAllText("usr/share/zoneinfo/Europe/Berlin", "TZif2-berlin");
        fs.CreateSymlink("etc/localtime", "../usr/share/zoneinfo/Europe/Berlin");
        fs.CreateSymlink("etc/mtab", "../proc/self/mounts");
        fs.WriteAllText("etc/ssh/sshd_config", "#Port 22\n");
        fs.WriteAllText("etc/ssh/ssh_host_ed25519_key", "PRIVATE", 0b110_000_000);
        fs.WriteAllText("etc/ssh/ssh_host_ed25519_key.pub", "PUBLIC");
        fs.CreateDirectory("run");
    }

    private static void AddUntouchables(RootFs fs)
    {
        fs.WriteAllText("sbin/init", "ELF-init", 0b111_101_101);
        fs.WriteAllText("bin/ping", "ELF-ping", 0b111_101_101);
        fs.SetXattr("bin/ping", "security.capability", [0x01, 0x00, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        fs.SetModifiedTime("bin/ping", new UnixTime(1_600_000_000, 123_456_789));
        fs.WriteAllText("usr/bin/passwd", "ELF-passwd", 0b100_111_001_001);
        fs.WriteAllText("var/lib/portage/world", "app-editors/vim\n");
        fs.SetOwner("var/lib/portage/world", 250, 250, "portage", "portage");
        fs.CreateHardLink("usr/bin/passwd-link", "usr/bin/passwd");
        fs.CreateNode("dev/null", EntryKind.CharDevice, 0b110_110_110, 1, 3);
        fs.WriteAllBytes("usr/lib/binary.dat", Encoding.Latin1.GetBytes("\u00ff\u00fe\u0000\u0001"));
    }
}
