using Boxer.Ship.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Ship.Tests;

/// <summary>
/// The .NET tool package installs from a local feed into a fresh HOME (a nuget.config naming only that feed)
/// and its <c>boxer</c> builds the demo stage3 byte for byte as the repository's <c>./boxer</c> does: the
/// Docker plugin and the default recipe travel in the package.
/// </summary>
[Collection(ShipCollection.Name)]
public sealed class ToolPackageSpecs(ShipArtifacts artifacts) : IDisposable
{
    private readonly TempDir _dir = new("boxer-ship-tool-");

    [Fact]
    public void The_installed_tool_builds_the_demo_exactly_as_the_launcher_does()
    {
        string home = Directory.CreateDirectory(_dir.Combine("home")).FullName;
        File.WriteAllText(_dir.Combine("nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="boxer" value="{artifacts.ToolFeed}" />
              </packageSources>
            </configuration>
            """);
        var env = ShipArtifacts.IsolatedEnvironment(home);
        var options = new ToolRunOptions { WorkingDirectory = _dir.Path, Environment = env };

        var install = ExternalTool.Run("dotnet", ["tool", "install", "boxer", "--tool-path", _dir.Combine("tools"), "--configfile", _dir.Combine("nuget.config")], options);
        Assert.True(install.Succeeded, install.ToString());
        var build = ExternalTool.Run(_dir.Combine("tools", "boxer"), ["docker", "--stage", ShipArtifacts.DemoStage, "--out", _dir.Combine("tool.tar"), "--quiet"], options);

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.ReadAllBytes(artifacts.ReferenceImage).AsSpan().SequenceEqual(File.ReadAllBytes(_dir.Combine("tool.tar"))),
            "the tool's image differs from ./boxer's");
    }

    public void Dispose() => _dir.Dispose();
}
