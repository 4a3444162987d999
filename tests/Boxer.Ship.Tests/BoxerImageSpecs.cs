using Boxer.Abstractions.Testing;
using Boxer.Core.Testing;
using Boxer.Ship.Tests.Support;
using Boxer.Targets.Docker.Tests.Support;
using Boxer.TestSupport;
using Xunit.Abstractions;

namespace Boxer.Ship.Tests;

/// <summary>
/// boxer's own image, built by the x64 archive's boxer (ship/build-image.sh) from the minimal rootfs, run as
/// a CI or Kubernetes job would: as uid 65534, no capabilities, a read-only root with a tmpfs /tmp, no Docker
/// socket. It builds the demo into a mounted folder exactly as <c>./boxer</c> does, and pushes the OpenRC
/// fixture to a loopback registry with credentials from a mounted config.json; the pushed image boots with the
/// verdict of the Docker boot specs.
/// </summary>
[Collection(ShipCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class BoxerImageSpecs(ShipArtifacts artifacts, ITestOutputHelper output) : IDisposable
{
    private static readonly string[] JobFlags =
        ["--user", "65534", "--cap-drop", "ALL", "--read-only", "--tmpfs", "/tmp", "--network", "host"];

    private readonly TempDir _dir = new("boxer-ship-image-");
    private readonly string _image = $"boxer-test-self:{Guid.NewGuid().ToString("N")[..10]}";
    private readonly string _container = "boxer-test-pushed-" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _images = [];

    [Fact]
    public void The_image_runs_unprivileged_and_read_only_builds_into_a_mounted_folder_and_pushes_an_image_that_boots()
    {
        ExternalTool.Require("docker");
        BuildImage();
        Assert.Equal("65534:65534", Docker("image", "inspect", "-f", "{{.Config.User}}", _image).Trim());
        string data = Directory.CreateDirectory(_dir.Combine("data")).FullName;
        File.Copy(Fixtures.OpenRc(), Path.Combine(data, "openrc.tar.xz"));
        // uid 65534 writes the outputs: the folder is the job's workspace.
        File.SetUnixFileMode(data, (UnixFileMode)0b111_111_111);

        // The demo at the very path ./boxer read it from (mounted read-only): the image records the stage3's path
        // (io.boxer.stage3.source) and file name, so only the same path gives the same bytes.
        string demo = Path.GetDirectoryName(ShipArtifacts.DemoStage)!;
        var build = Job(data, null, ["-v", $"{demo}:{demo}:ro"], "docker", "--stage", ShipArtifacts.DemoStage, "--out", "x.tar", "--quiet");

        Assert.True(build.Succeeded, build.ToString());
        Assert.True(File.ReadAllBytes(artifacts.ReferenceImage).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(data, "x.tar"))),
            "the image's boxer wrote a different archive than ./boxer");

        using var registry = new LocalRegistry("boxer", "s3cret");
        string config = Directory.CreateDirectory(_dir.Combine("docker-config")).FullName;
        File.WriteAllText(Path.Combine(config, "config.json"),
            "{\"auths\":{\"" + registry.Host + "\":{\"auth\":\"" + Convert.ToBase64String("boxer:s3cret"u8.ToArray()) + "\"}}}");
        File.SetUnixFileMode(config, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(config, "config.json"), (UnixFileMode)0b110_100_100);
        string tag = $"{registry.Host}/boxer/openrc:{Guid.NewGuid().ToString("N")[..8]}";

        var push = Job(data, config, "docker", "--stage", "openrc.tar.xz", "--tag", tag, "--push", "--insecure-registry", "--quiet");

        Assert.True(push.Succeeded, push.ToString());
        _images.Add(tag);
        var verdict = BootPulled(tag, config);
        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Contains(verdict.Services, s => s.Name == "sshd" && s.IsStarted);
    }

    public void Dispose()
    {
        ExternalTool.Run("docker", ["rm", "-f", "-v", _container]);
        ExternalTool.Run("docker", ["rmi", "-f", _image, .. _images]);
        _dir.Dispose();
    }

    /// <summary>ship/build-image.sh run with the x64 archive's boxer, loading the image into the engine.</summary>
    private void BuildImage()
    {
        string boxer = artifacts.Extract("x64", Directory.CreateDirectory(_dir.Combine("install")).FullName);
        string home = Directory.CreateDirectory(_dir.Combine("home")).FullName;
        var env = ShipArtifacts.IsolatedEnvironment(home);
        env["BOXER"] = boxer;
        ExternalTool.Run(
            "bash",
            [Path.Combine(RepoPaths.Root, "ship", "build-image.sh"), Fixtures.BoxerBase(), artifacts.Archive("x64"), "--tag", _image, "--quiet"],
            new ToolRunOptions { Environment = env, Timeout = TimeSpan.FromMinutes(10) }).EnsureSuccess();
    }

    /// <summary>The image run as a job: the flags of <see cref="JobFlags"/>, /data the workspace, config.json mounted.</summary>
    private ToolResult Job(string data, string? dockerConfig, params string[] args) => Job(data, dockerConfig, [], args);

    private ToolResult Job(string data, string? dockerConfig, string[] mounts, params string[] args)
    {
        string[] config = dockerConfig is null ? [.. mounts] : ["-v", $"{dockerConfig}:/docker:ro", .. mounts];
        var result = ExternalTool.Run(
            "docker",
            ["run", "--rm", .. JobFlags, "-e", $"SOURCE_DATE_EPOCH={ShipArtifacts.Epoch}", "-v", $"{data}:/data", "-w", "/data", .. config, _image, .. args],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(15) });
        output.WriteLine($"{result.Command}\nexit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        return result;
    }

    /// <summary>Pulls the pushed image with the same credentials and boots it as its usage hint says (OpenRcBootSpecs).</summary>
    private BootVerdict BootPulled(string tag, string dockerConfig)
    {
        Docker("--config", dockerConfig, "pull", tag);
        Docker("run", "-d", "--name", _container, tag);
        for (int attempt = 0; attempt < 60; attempt++)
        {
            if (ExternalTool.Run("docker", ["exec", _container, "sh", "-c", OpenRcProbe.DefaultRunlevelReached]).Succeeded)
            {
                break;
            }
            Thread.Sleep(1000);
        }
        var status = ExternalTool.Run("docker", ["exec", _container, .. OpenRcProbe.RcStatus]);
        Docker("stop", "-t", "10", _container);
        var logs = ExternalTool.Run("docker", ["logs", _container]);
        var verdict = BootVerdict.Judge(
            status.Stdout,
            [new BootStream("docker logs stdout", logs.Stdout), new BootStream("docker logs stderr", logs.Stderr), new BootStream("rc-status stderr", status.Stderr)]);
        output.WriteLine($"rc-status [{status.Stdout}]\n{verdict}\n--- stdout\n{logs.Stdout}\n--- stderr\n{logs.Stderr}");
        return verdict;
    }

    private static string Docker(params string[] args) => ExternalTool.RunChecked("docker", args).Stdout;
}
