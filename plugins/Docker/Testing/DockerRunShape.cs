using System.Text.Json;
using System.Text.Json.Nodes;

namespace Boxer.Targets.Docker.Testing;

/// <summary>
/// How the build's usage hint runs an image, read back from its config: a real init as PID 1 (<c>/sbin/init</c>,
/// <c>/sbin/openrc-init</c>) gets <c>-t --tmpfs /run --cap-add SYS_BOOT</c>; an image with a <c>/run</c> volume
/// (boxer's docker-init) <c>--tmpfs /run</c> in its place; anything else a plain <c>docker run -d</c>.
/// </summary>
/// <param name="RealInit">PID 1 is a real init.</param>
/// <param name="RunVolume">The image declares <c>/run</c> a volume.</param>
/// <param name="DockerInit">PID 1 is boxer's docker-init, whose exit status after a stop says whether the shutdown runlevel succeeded.</param>
internal sealed record DockerRunShape(bool RealInit, bool RunVolume, bool DockerInit)
{
    public const string DockerInitPath = "/usr/lib/boxer/docker-init";

    public static DockerRunShape For(JsonElement config)
    {
        string? pid1 = config.TryGetProperty("Entrypoint", out var entrypoint) && entrypoint.ValueKind == JsonValueKind.Array && entrypoint.GetArrayLength() > 0
            ? entrypoint[0].GetString()
            : null;
        bool runVolume = config.TryGetProperty("Volumes", out var volumes) && volumes.ValueKind == JsonValueKind.Object && volumes.TryGetProperty("/run", out _);
        return new DockerRunShape(pid1 is "/sbin/init" or "/sbin/openrc-init", runVolume, pid1 == DockerInitPath);
    }

    /// <summary>The <c>docker run</c> flags, as the hint prints them.</summary>
    public string Flags => RealInit ? $"-d -t {DockerTarget.InitRunFlags}" : RunVolume ? $"-d {DockerTarget.RunVolumeFlags}" : "-d";

    /// <summary>The create body of <c>docker run</c> with <see cref="Flags"/>.</summary>
    public JsonObject CreateBody(string image)
    {
        var body = new JsonObject { ["Image"] = image, ["Tty"] = RealInit };
        if (RealInit || RunVolume)
        {
            var host = new JsonObject { ["Tmpfs"] = new JsonObject { ["/run"] = "" } };
            if (RealInit)
            {
                host["CapAdd"] = new JsonArray("SYS_BOOT");
            }
            body["HostConfig"] = host;
        }
        return body;
    }
}
