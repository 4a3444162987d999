// Finalizes an OpenRC (or systemd) stage3 into a container that boots its init; the default recipe.
#load "lib/policy.csx"
#load "lib/cleanup.csx"
#load "lib/openrc-container.csx"
#load "lib/systemd-container.csx"
#load "lib/docker-init.csx"

var target = Target.Name.ToLowerInvariant();
var policy = PolicyFor(target);

switch (Stage.InitSystem)
{
    case InitSystem.OpenRC:
        FinalizeOpenRc(policy);
        if (target == "docker")
        {
            UseDockerInit();
        }
        break;
    case InitSystem.Systemd:
        FinalizeSystemd(policy, target);
        break;
    default:
        throw new RecipeException(
            $"openrc-server: the stage3's init system is {Stage.InitSystem}, not OpenRC or systemd; use --recipe minimal or --recipe none");
}

if (policy.Utc)
{
    Timezone.Set("UTC");
}
Rootfs.WriteAllText("/etc/fstab", policy.Fstab);
RemoveBuildLeftovers();
if (policy.RemoveMtab && Rootfs.Delete("/etc/mtab") > 0)
{
    Log.Info("removed /etc/mtab (the runtime provides it)");
}
// Stage3s ship an empty /run; ebuilds and non-init uses expect /run/lock.
Rootfs.CreateDirectory("/run/lock", 0b111_101_101);
if (policy.StopSignal is { } signal && Image.StopSignal is null)
{
    Image.StopSignal = signal;
}
