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
    if (policy.RuntimeOwnsNetwork)
    {
        DropRuntimeNetwork();
    }
    Image.Entrypoint = ["/sbin/init"];
}

// lo is set up by the runtime and `ip addr add` fails without CAP_NET_ADMIN ("ERROR: loopback failed to
// start"), although loopback's keywords allow docker and lxc. rc_provide keeps `need net` services startable.
void DropRuntimeNetwork()
{
    var dropped = new[] { "loopback", "net.lo" }
        .Count(svc => OpenRC.DropService(svc, "boot", "the runtime configures lo; no CAP_NET_ADMIN inside"));
    if (dropped > 0)
    {
        OpenRC.SetRcConf("rc_provide", "loopback net");
    }
}
