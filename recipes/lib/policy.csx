// Per-target finalization defaults (see the table in recipes/README.md); loaded by openrc-server.csx.

/// <summary>What openrc-server does for one target.</summary>
/// <param name="RcSys">The rc_sys written to /etc/rc.conf; null leaves it unset so OpenRC auto-detects.</param>
/// <param name="RuntimeSys">The rc_sys OpenRC will act as at runtime: decides which services are dropped by keyword.</param>
/// <param name="Fstab">The content of /etc/fstab.</param>
/// <param name="Utc">Set the time zone to UTC; false leaves /etc/localtime (the runtime binds the host's).</param>
/// <param name="PowerFail">Add the inittab pf: line so SIGPWR halts cleanly.</param>
/// <param name="Console">Enable a getty on /dev/console (LXD's console).</param>
/// <param name="Unprivileged">The runtime sets up lo, the host name and /dev itself, and grants no CAP_NET_ADMIN or
/// CAP_SYS_ADMIN inside: loopback, hostname and udev cannot work there, whatever older scripts' keywords say.</param>
/// <param name="RemoveMtab">Remove /etc/mtab (the runtime provides one).</param>
/// <param name="StopSignal">The image's stop signal; null for the runtime's default.</param>
record TargetPolicy(
    string? RcSys, string RuntimeSys, string Fstab, bool Utc, bool PowerFail, bool Console,
    bool Unprivileged, bool RemoveMtab, string? StopSignal);

TargetPolicy PolicyFor(string target) => target.ToLowerInvariant() switch
{
    // docker stop sends SIGTERM, which init ignores; SIGPWR plus the pf: line halts at once.
    "docker" => new("docker", "docker", "", Utc: true, PowerFail: true, Console: false,
        Unprivileged: true, RemoveMtab: false, StopSignal: "SIGPWR"),
    // Nothing detects Singularity and "lxd" is no rc_sys value; lxc's keywords fit an unprivileged container.
    "sif" => new("lxc", "lxc", "proc /proc proc defaults 0 0\n", Utc: false, PowerFail: false, Console: false,
        Unprivileged: true, RemoveMtab: true, StopSignal: null),
    // LXD containers are detected as lxc by OpenRC itself; they own their network namespace.
    "lxd" => new(null, "lxc", "", Utc: true, PowerFail: true, Console: true,
        Unprivileged: false, RemoveMtab: false, StopSignal: null),
    _ => UnknownTargetPolicy(target),
};

TargetPolicy UnknownTargetPolicy(string target)
{
    Log.Warn($"openrc-server: no policy for target '{target}'; using the LXD defaults (rc_sys auto-detected)");
    return PolicyFor("lxd");
}
