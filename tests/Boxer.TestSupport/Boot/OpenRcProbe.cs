namespace Boxer.TestSupport.Boot;

/// <summary>Shell commands a harness runs inside the booted system (docker exec, lxc exec, nsenter).</summary>
public static class OpenRcProbe
{
    /// <summary>
    /// Exits 0 once the default runlevel change is over: openrc writes the softlevel, makes
    /// /run/openrc/rc.starting, starts the services and removes rc.starting. Whether sshd came up is the
    /// verdict's business, not the wait's: a wait on one service would hide the others.
    /// </summary>
    public const string DefaultRunlevelReached =
        "test \"$(cat /run/openrc/softlevel 2>/dev/null)\" = default && test -d /run/openrc && ! test -e /run/openrc/rc.starting";

    /// <summary>rc-status without colours; the verdict parses it.</summary>
    public static readonly string[] RcStatus = ["rc-status", "--nocolor"];
}
