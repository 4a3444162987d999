// Fails at run time on line 5.
Log.Info("starting");
var services = OpenRC.EnabledServices();

throw new InvalidOperationException($"refusing {services.Count} services");
