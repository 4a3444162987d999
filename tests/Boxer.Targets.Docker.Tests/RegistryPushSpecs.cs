using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>Pushing to a real docker-registry on 127.0.0.1, with skopeo and docker pull reading it back.</summary>
public sealed class RegistryPushSpecs : IDisposable
{
    private static readonly UnixTime Epoch = new(1_700_000_000);
    private readonly List<string> _images = [];
    private readonly TempDir _emptyDockerConfig = new();

    [Fact]
    public async Task I_can_push_without_an_engine_and_pull_and_run_the_image()
    {
        using var registry = new LocalRegistry();
        string tag = $"{registry.Host}/boxer/busybox:{Guid.NewGuid().ToString("N")[..8]}";
        _images.Add(tag);
        var noEngine = Target();

        var artifacts = await noEngine.BuildAsync(Context(tag, new EventLog()), default);

        var pushed = Assert.Single(artifacts);
        Assert.Equal(ArtifactKind.RegistryImage, pushed.Kind);
        using var inspected = JsonDocument.Parse(Tool.Run("skopeo", "inspect", "--tls-verify=false", $"docker://{tag}"));
        Assert.Equal(pushed.Digest, inspected.RootElement.GetProperty("Digest").GetString());
        DockerCli.Run("pull", tag);
        Assert.Equal("hi", DockerCli.Run("run", "--rm", tag, "/bin/busybox", "echo", "hi").Trim());
    }

    [Fact]
    public async Task A_second_push_uploads_no_layer_blob()
    {
        using var registry = new LocalRegistry();
        string tag = $"{registry.Host}/boxer/again:1";
        await Target().BuildAsync(Context(tag, new EventLog()), default);
        var second = new EventLog();

        var artifacts = await Target().BuildAsync(Context(tag, second), default);

        Assert.Equal(2, second.Messages.Count(m => m.EndsWith("skipped", StringComparison.Ordinal)));
        Assert.DoesNotContain(second.Messages, m => m.Contains("uploaded", StringComparison.Ordinal));
        Assert.Single(artifacts);
    }

    [Fact]
    public async Task An_unreachable_registry_fails_with_one_line()
    {
        string tag = $"127.0.0.1:{LocalRegistry.FreePort()}/boxer/nowhere:1";

        var error = await Assert.ThrowsAsync<TargetException>(() => Target().BuildAsync(Context(tag, new EventLog()), default));

        Assert.StartsWith($"registry {tag[..tag.IndexOf('/')]} not reachable: ", error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_and_right_ones_push()
    {
        using var registry = new LocalRegistry("boxer", "s3cret");
        string tag = $"{registry.Host}/boxer/private:1";

        var refused = await Assert.ThrowsAsync<TargetException>(() =>
            Target("wrong").BuildAsync(Context(tag, new EventLog(), User("boxer")), default));
        var artifacts = await Target("s3cret").BuildAsync(Context(tag, new EventLog(), User("boxer")), default);

        Assert.StartsWith($"registry {registry.Host} refused access: 401", refused.Message);
        Assert.Equal(ArtifactKind.RegistryImage, Assert.Single(artifacts).Kind);
    }

    [Fact]
    public async Task Credentials_come_from_docker_config_json()
    {
        using var registry = new LocalRegistry("boxer", "s3cret");
        using var config = new TempDir();
        string auth = Convert.ToBase64String("boxer:s3cret"u8.ToArray());
        File.WriteAllText(config.File("config.json"), "{\"auths\":{\"" + registry.Host + "\":{\"auth\":\"" + auth + "\"}}}");
        string tag = $"{registry.Host}/boxer/configured:1";

        var artifacts = await Target(dockerConfig: config.Path).BuildAsync(Context(tag, new EventLog()), default);

        Assert.Single(artifacts);
    }

    [Fact]
    public async Task A_blob_whose_bytes_do_not_match_its_digest_is_refused_as_DIGEST_INVALID()
    {
        using var registry = new LocalRegistry();
        using var client = new Registry.RegistryClient(Docker.ImageReference.Parse($"{registry.Host}/boxer/bad:1"), null, insecure: true);
        var claimed = Image.Descriptor.Of(Image.MediaTypes.Config, "the bytes it claims"u8.ToArray());

        var error = await Assert.ThrowsAsync<TargetException>(() =>
            client.UploadBlobAsync(claimed with { Size = 9 }, new MemoryStream("other one"u8.ToArray()), default));

        Assert.Contains("400", error.Message);
        Assert.Contains("DIGEST_INVALID", error.Message);
    }

    public void Dispose()
    {
        DockerCli.Remove([.. _images]);
        _emptyDockerConfig.Dispose();
    }

    /// <summary>The target as a test sees it: no engine, the given password on "stdin" and a Docker config folder
    /// of the test's own (by default an empty one, never the user's ~/.docker), set per target, not process-wide.</summary>
    private DockerTarget Target(string password = "", string? dockerConfig = null) => new()
    {
        EngineHost = () => DockerHost.Parse("unix:///nonexistent/docker.sock"),
        PasswordInput = () => new StringReader(password + "\n"),
        DockerConfigDirectory = () => dockerConfig ?? _emptyDockerConfig.Path,
    };

    private static (string, string)[] User(string user) =>
        [(DockerTarget.UserOption, user), (DockerTarget.PasswordStdinOption, "true")];

    private static TargetBuildContext Context(string tag, EventLog log, params (string, string)[] more) =>
        BusyboxTree.Context(BusyboxTree.Create(), log, Epoch,
            [(DockerTarget.TagOption, tag), (DockerTarget.PushOption, "true"), (DockerTarget.InsecureOption, "true"), .. more]);
}
