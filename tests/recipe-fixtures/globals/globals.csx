// Writes what the globals say, so a spec can read it back from the tree.
var lines = new List<string>
{
    $"target={Target.Name}",
    $"is-docker={Target.Is("DOCKER")}",
    $"name={Args.GetString("name", "anon")}",
    $"flag={Args.GetBool("flag")}",
    $"count={Args.GetInt("count", 7)}",
    $"arch={Stage.Architecture}",
    $"init={Stage.InitSystem}",
    $"os={Stage.OsName}",
    $"source={Stage.SourceName}",
};
Rootfs.WriteAllText("/etc/globals", string.Join("\n", lines) + "\n");
Image.Entrypoint = ["/bin/sh"];
Image.Labels["org.example"] = "yes";
Log.Info("hello");
Log.Warn("careful");
Log.Debug("detail");
await Task.Yield();
