// Cache fixture: the result depends on the loaded file.
#load "lib/part.csx"

Rootfs.WriteAllText("/etc/marker", Marker());
