// The shipped openrc-server recipe plus a service in the default runlevel whose start always fails: the boot
// specs build the OpenRC fixture with it to prove their verdict goes red (tests/Boxer.TestSupport/Boot).
#load "../../../recipes/openrc-server.csx"

if (Stage.InitSystem != InitSystem.OpenRC)
{
    throw new RecipeException("broken-service: needs an OpenRC stage3");
}

Rootfs.WriteAllText("/etc/init.d/boxer-broken", """
    #!/sbin/openrc-run
    description="fails to start on purpose (boxer's boot specs)"

    start() {
    	eerror "boxer-broken: failing on purpose"
    	return 1
    }

    """, 0b111_101_101);
OpenRC.AddService("boxer-broken", "default");
