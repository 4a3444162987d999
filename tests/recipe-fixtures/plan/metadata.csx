// Changes only metadata and binary content, so the plan must describe them without a text diff.
Rootfs.SetMode("/usr/bin/passwd", 0b111_101_101);
Rootfs.SetOwner("/var/lib/portage/world", 0, 0);
Rootfs.RemoveXattr("/bin/ping", "security.capability");
Rootfs.WriteAllBytes("/usr/lib/binary.dat", new byte[] { 0xff, 0x00, 0x02 });
Rootfs.SetModifiedTime("/sbin/init", new UnixTime(1_800_000_000));
