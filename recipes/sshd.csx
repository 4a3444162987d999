// openrc-server plus sshd in the default runlevel; host keys are made at first boot, never baked into the image.
#load "openrc-server.csx"

if (Stage.InitSystem == InitSystem.OpenRC)
{
    // Gentoo's /etc/init.d/sshd runs ssh-keygen -A before starting when keys are missing.
    OpenRC.AddService("sshd", "default");
}
else
{
    Systemd.Enable("sshd.service");
}

var keys = Files.DeleteGlob("/etc/ssh/ssh_host_*");
if (keys.Count > 0)
{
    Log.Warn($"removed {keys.Count} SSH host key files from the image; each container generates its own at first boot");
}
Image.ExposedPorts.Add("22/tcp");
