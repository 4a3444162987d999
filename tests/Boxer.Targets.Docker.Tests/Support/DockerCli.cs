using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>The real docker CLI (package docker.io) against the running engine, with unique test tags.</summary>
public static class DockerCli
{
    public static string UniqueTag(string name = "boxer-test-docker") => $"{name}:{Guid.NewGuid().ToString("N")[..10]}";

    public static string Run(params string[] args)
    {
        Tool.Require("docker");
        return Tool.Run("docker", args);
    }

    public static string Inspect(string image, string format) => Run("image", "inspect", "-f", format, image).Trim();

    /// <summary>Removes images the test made; the engine is shared, so only by exact name.</summary>
    public static void Remove(params string[] images)
    {
        foreach (string image in images)
        {
            Tool.Try("docker", "rmi", "-f", image);
        }
    }
}
