// The shipped openrc-server recipe plus a service in the default runlevel that starts fine but whose stop never
// ends: `boxer test` must fail it (the runtime has to kill the system) and name the service
// (tests/Boxer.TestSupport/Boot/HangingStop.cs).
#load "../../../recipes/openrc-server.csx"

if (Stage.InitSystem != InitSystem.OpenRC)
{
    throw new RecipeException("hanging-stop: needs an OpenRC stage3");
}

Rootfs.WriteAllText("/etc/init.d/boxer-hang", """
    #!/sbin/openrc-run
    description="never finishes stopping, on purpose (boxer's test specs)"

    start() {
    	return 0
    }

    stop() {
    	ebegin "boxer-hang: hanging on purpose"
    	sleep 3600
    	eend 0
    }

    """, 0b111_101_101);
OpenRC.AddService("boxer-hang", "default");
