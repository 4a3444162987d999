// systemd side of openrc-server: no rc.conf; mask what a container cannot run.

static readonly string[] MaskedInContainers =
[
    "getty@.service", "serial-getty@.service", "systemd-udevd.service", "systemd-udev-trigger.service",
    "systemd-udevd-control.socket", "systemd-udevd-kernel.socket", "systemd-remount-fs.service",
    "dev-hugepages.mount", "sys-fs-fuse-connections.mount",
];

/// <summary>Applies <paramref name="policy"/> to a systemd tree.</summary>
void FinalizeSystemd(TargetPolicy policy, string target)
{
    foreach (var unit in MaskedInContainers)
    {
        Systemd.Mask(unit);
    }
    Log.Info($"systemd: masked {MaskedInContainers.Length} units (gettys, udev, remount-fs)");
    var init = new[] { "/sbin/init", "/lib/systemd/systemd", "/usr/lib/systemd/systemd" }.FirstOrDefault(Files.Exists)
        ?? throw new RecipeException("openrc-server: neither /sbin/init nor systemd found in the tree");
    Image.Entrypoint = [init];
    if (target == "docker")
    {
        // systemd halts on SIGRTMIN+3 and reads container= to adapt itself.
        Image.StopSignal = "SIGRTMIN+3";
        Image.Env["container"] = "docker";
    }
    if (target == "sif")
    {
        Log.Warn("openrc-server: systemd under Singularity's --boot is not known to work; consider an OpenRC stage3");
    }
}
