namespace Boxer.Core.Testing;

/// <summary>Commands <c>boxer test</c> (and the boot specs) run inside a booted OpenRC system.</summary>
public static class OpenRcProbe
{
    /// <summary>
    /// Exits 0 once the default runlevel change is over: openrc writes the softlevel, makes
    /// /run/openrc/rc.starting, starts the services and removes rc.starting. Whether sshd came up is the
    /// verdict's business, not the wait's: a wait on one service would hide the others.
    /// </summary>
    public const string DefaultRunlevelReached =
        "test \"$(cat /run/openrc/softlevel 2>/dev/null)\" = default && test -d /run/openrc && ! test -e /run/openrc/rc.starting";

    /// <summary>The wait as a command line (<c>sh -c</c>).</summary>
    public static readonly string[] DefaultRunlevelReachedCommand = ["sh", "-c", DefaultRunlevelReached];

    /// <summary>rc-status without colours; the verdict parses it.</summary>
    public static readonly string[] RcStatus = ["rc-status", "--nocolor"];

    /// <summary>
    /// The services whose stop is under way, one per line: OpenRC keeps a symlink per service in
    /// /run/openrc/stopping while its stop runs, so a stop that hangs leaves its service there.
    /// </summary>
    public static readonly string[] StoppingServices = ["sh", "-c", "ls /run/openrc/stopping 2>/dev/null"];
}
