// OpenRC side of openrc-server: rc.conf, inittab and runlevels for a container.

/// <summary>Services the original boxer removed; dropped only when their script has no keyword line at all.</summary>
static readonly string[][] LegacyDrops =
[
    ["boot", "sysctl"], ["boot", "hostname"], ["boot", "loopback"], ["boot", "bootmisc"], ["sysinit", "udev"],
];

/// <summary>Applies <paramref name="policy"/> to an OpenRC tree.</summary>
void FinalizeOpenRc(TargetPolicy policy)
{
    OpenRC.SetRcSys(policy.RcSys);
    var gettys = OpenRC.CommentGettys();
    Log.Info($"inittab: commented {gettys} getty lines");
    if (policy.PowerFail)
    {
        OpenRC.EnsurePowerFailLine();
    }
    if (policy.Console)
    {
        OpenRC.EnableConsole();
    }
    OpenRC.DropServicesThatCannotRunUnder(policy.RuntimeSys);
    OpenRC.DropUnkeyworded(
        LegacyDrops.Select(d => new ServiceLink(d[0], d[1])),
        "no keyword line; on the original boxer's list");
    if (policy.Unprivileged)
    {
        DropRuntimeOwned();
    }
    Image.Entrypoint = ["/sbin/init"];
}

/// <summary>
/// What an unprivileged runtime does itself (or forbids), so the services doing it fail inside ("ERROR: loopback
/// failed to start", "ERROR: hostname failed to start") even where an older OpenRC's keywords allow them.
/// </summary>
static readonly (string Level, string Service, string Reason)[] RuntimeOwned =
[
    ("boot", "loopback", "the runtime configures lo; no CAP_NET_ADMIN inside"),
    ("boot", "net.lo", "the runtime configures lo; no CAP_NET_ADMIN inside"),
    ("boot", "hostname", "the runtime sets the host name; no CAP_SYS_ADMIN inside"),
    ("boot", "sysctl", "kernel parameters belong to the host; /proc/sys is read-only inside"),
    ("sysinit", "udev", "the runtime provides /dev; no device events inside"),
    ("sysinit", "udev-trigger", "the runtime provides /dev; no device events inside"),
];

// rc_provide keeps services that `need net` startable once loopback is gone.
void DropRuntimeOwned()
{
    var dropped = RuntimeOwned.Where(r => OpenRC.DropService(r.Service, r.Level, r.Reason)).Select(r => r.Service).ToList();
    if (dropped.Contains("loopback") || dropped.Contains("net.lo"))
    {
        OpenRC.SetRcConf("rc_provide", "loopback net");
    }
}
