// Docker's PID 1 for OpenRC stage3s; loaded by openrc-server.csx.
//
// Why not /sbin/init: sysvinit and openrc-init end a system with reboot(2), which needs CAP_SYS_BOOT; Docker
// does not grant it, so after `docker stop` has shut OpenRC down, PID 1 cannot exit and Docker kills the
// container after its grace period (exit 137). This script boots the same runlevels openrc-init does and
// exits after the shutdown runlevel, so the container ends by itself (exit 0) under Docker's default
// capabilities. Its output is PID 1's stdout, so `docker logs` shows the boot without `-t`. Given arguments
// (`docker run IMAGE COMMAND`), it runs COMMAND instead of booting, with COMMAND's exit status.
// `--set docker-init=sysvinit` keeps /sbin/init (then run with --cap-add SYS_BOOT for a clean stop).

/// <summary>Where the script goes in the image.</summary>
const string DockerInitPath = "/usr/lib/boxer/docker-init";

const string DockerInitScript = """
    #!/bin/sh
    # PID 1 of a Docker container made by boxer (openrc-server.csx).
    # With arguments (docker run IMAGE COMMAND...) it runs COMMAND instead of booting: COMMAND becomes PID 1,
    # and its exit status is the container's (docker run -it IMAGE bash works as with any distribution image).
    # Without arguments it boots OpenRC's sysinit, boot and default runlevels as openrc-init does; on docker
    # stop (SIGPWR, the image's StopSignal; also SIGTERM, SIGINT) it runs the shutdown runlevel and exits,
    # which ends the container without CAP_SYS_BOOT: 0 when the shutdown runlevel succeeded, 1 when not.
    if [ "$#" -gt 0 ]; then
    	exec "$@"
    fi
    stop() {
    	openrc shutdown || exit "$?"
    	# openrc exits 0 even when a stop failed: such a service is still marked started, and it is not one of
    	# the shutdown runlevel's own (killprocs, savecache...), which are started by the shutdown itself.
    	failed=""
    	for service in /run/openrc/started/*; do
    		[ -L "$service" ] || continue
    		[ -e "/etc/runlevels/shutdown/${service##*/}" ] || failed="$failed ${service##*/}"
    	done
    	if [ -n "$failed" ]; then
    		echo "docker-init: the shutdown runlevel failed, still started:$failed" >&2
    		exit 1
    	fi
    	exit 0
    }
    trap stop PWR TERM INT
    # /run is a volume (or the hint's --tmpfs /run): a volume outlives a stop, and each start is a fresh boot.
    rm -rf /run/* /run/.[!.]* 2>/dev/null
    mkdir -p /run/lock
    for level in sysinit boot default; do
    	openrc "$level"
    done
    # Wait for a stop signal; waiting also reaps the orphans the kernel hands to PID 1.
    while :; do
    	sleep 86400 &
    	wait $!
    done

    """;

/// <summary>Makes <see cref="DockerInitPath"/> the image's entrypoint unless the build asked for sysvinit.</summary>
void UseDockerInit()
{
    var choice = Args.GetString("docker-init", "boxer");
    if (choice == "sysvinit")
    {
        Log.Info("docker-init=sysvinit: PID 1 is /sbin/init; run with --cap-add SYS_BOOT for docker stop to end it");
        return;
    }
    if (choice != "boxer")
    {
        throw new RecipeException($"--set docker-init={choice}: expected 'boxer' (the default) or 'sysvinit'");
    }
    if (!TreePaths.Exists(Rootfs, "/bin/sh"))
    {
        Log.Warn("no /bin/sh in the stage3: PID 1 stays /sbin/init (docker stop then needs --cap-add SYS_BOOT)");
        return;
    }
    Rootfs.CreateDirectory("/usr/lib/boxer");
    Rootfs.WriteAllText(DockerInitPath, DockerInitScript, 0b111_101_101);
    Image.Entrypoint = [DockerInitPath];
    // OpenRC mounts a tmpfs on /run unless something is mounted there, which an unprivileged container cannot
    // do: a volume is. The docker target's hint adds --tmpfs /run, which takes the volume's place, so no
    // anonymous volume piles up after a `docker rm` without -v.
    Image.Volumes.Add("/run");
    Log.Info($"PID 1 is {DockerInitPath}: OpenRC's runlevels, and an exit after docker stop's shutdown");
}
