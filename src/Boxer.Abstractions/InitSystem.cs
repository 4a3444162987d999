namespace Boxer.Abstractions;

/// <summary>The init system a stage3 boots with, as detected from its tree.</summary>
public enum InitSystem
{
    /// <summary>Nothing recognizable, e.g. no <c>/sbin/init</c>.</summary>
    Unknown,

    /// <summary>OpenRC (<c>/sbin/openrc</c> or <c>/etc/rc.conf</c> with <c>/etc/runlevels</c>).</summary>
    OpenRC,

    /// <summary>systemd (<c>/sbin/init</c> leads to systemd, or <c>/lib/systemd/systemd</c> exists without OpenRC).</summary>
    Systemd,

    /// <summary>Another init, e.g. busybox or sysvinit without OpenRC.</summary>
    Other,
}
