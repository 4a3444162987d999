// The shipped openrc-server recipe plus a service in the default runlevel that starts fine but whose stop fails
// (returns 1 at once): docker-init's exit status after docker stop must say the shutdown runlevel failed
// (tests/Boxer.TestSupport/Boot/FailingStop.cs).
#load "../../../recipes/openrc-server.csx"

if (Stage.InitSystem != InitSystem.OpenRC)
{
    throw new RecipeException("failing-stop: needs an OpenRC stage3");
}

Rootfs.WriteAllText("/etc/init.d/boxer-stopfail", """
    #!/sbin/openrc-run
    description="fails to stop on purpose (boxer's test specs)"

    start() {
    	return 0
    }

    stop() {
    	eerror "boxer-stopfail: failing to stop on purpose"
    	return 1
    }

    """, 0b111_101_101);
OpenRC.AddService("boxer-stopfail", "default");
