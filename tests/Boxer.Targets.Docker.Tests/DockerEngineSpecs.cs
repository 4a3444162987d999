using Boxer.Abstractions;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>Loading into the real engine (dockerd from docker.io must be running) and running the result.</summary>
public sealed class DockerEngineSpecs : IDisposable
{
    private static readonly UnixTime Epoch = new(1_700_000_000);
    private readonly List<string> _images = [];

    [Fact]
    public async Task I_can_load_an_image_into_the_engine_and_run_it()
    {
        string tag = Tag();

        var artifact = Assert.Single(await BuildAsync(tag, null));

        Assert.Equal(ArtifactKind.EngineImage, artifact.Kind);
        Assert.Equal(DockerCli.Inspect(tag, "{{.Id}}"), artifact.Digest);
        Assert.Equal("hi", DockerCli.Run("run", "--rm", tag, "/bin/busybox", "echo", "hi").Trim());
        Assert.Contains(artifact.UsageHints, h => h.StartsWith("docker run -d --name boxer-test-docker ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Owners_setuid_and_hard_links_survive_into_the_container()
    {
        string tag = Tag();
        await BuildAsync(tag, null);

        string stat = DockerCli.Run("run", "--rm", tag, "/bin/busybox", "stat", "-c", "%n %u %g %a %h",
            "/bin/ping", "/etc/shadow", "/home/user", "/tmp");
        string inodes = DockerCli.Run("run", "--rm", tag, "/bin/busybox", "stat", "-c", "%i", "/bin/ping", "/bin/ping2");

        Assert.Equal("/bin/ping 0 0 4755 2\n/etc/shadow 0 42 640 1\n/home/user 1000 1000 700 2\n/tmp 0 0 1777 2\n", stat);
        Assert.Single(inodes.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct());
    }

    [Fact]
    public async Task The_binary_capability_of_a_hard_linked_file_and_user_xattrs_survive_the_load()
    {
        Tool.Require("getfattr");
        string tag = Tag();
        await BuildAsync(tag, null);
        // The image's only layer is unpacked here by the engine; read the xattrs the kernel holds.
        string layer = DockerCli.Inspect(tag, "{{.GraphDriver.Data.UpperDir}}");

        Assert.Equal(SampleTrees.Capability, Xattr(layer, "bin/ping", "security.capability"));
        Assert.Equal(SampleTrees.Capability, Xattr(layer, "bin/ping2", "security.capability"));
        Assert.Equal(SampleTrees.AwkwardValue, Xattr(layer, "etc/tagged", "user.comment"));
    }

    [Fact]
    public async Task The_same_tree_and_SOURCE_DATE_EPOCH_give_the_same_image_ID()
    {
        string first = Tag();
        string second = Tag();

        var a = Assert.Single(await BuildAsync(first, Epoch));
        var b = Assert.Single(await BuildAsync(second, Epoch));

        Assert.Equal(a.Digest, b.Digest);
        Assert.Equal(DockerCli.Inspect(first, "{{.Id}}"), DockerCli.Inspect(second, "{{.Id}}"));
        Assert.Equal("2023-11-14T22:13:20Z", DockerCli.Inspect(first, "{{.Created}}"));
    }

    [Fact]
    public async Task Docker_loads_the_out_archive()
    {
        using var dir = new TempDir();
        string tag = Tag();
        string archive = dir.File("image.tar");
        var target = new DockerTarget();
        await target.BuildAsync(BusyboxTree.Context(BusyboxTree.Create(), new EventLog(), Epoch, (DockerTarget.OutOption, archive), (DockerTarget.TagOption, tag)), default);
        DockerCli.Remove(tag);

        string loaded = DockerCli.Run("load", "-i", archive);

        Assert.Contains($"Loaded image: {tag}", loaded);
        Assert.Equal("hi", DockerCli.Run("run", "--rm", tag, "/bin/busybox", "echo", "hi").Trim());
    }

    [Fact]
    public async Task I_can_tag_a_loaded_image_through_the_engine_API()
    {
        string tag = Tag();
        var artifact = Assert.Single(await BuildAsync(tag, null));
        string second = Tag();
        using var engine = new DockerEngine(DockerHost.FromEnvironment());

        await engine.TagAsync(artifact.Digest!, ImageReference.Parse(second), default);

        Assert.Equal(artifact.Digest, await engine.FindImageIdAsync(second, default));
    }

    [Fact]
    public async Task Without_an_engine_the_build_fails_with_one_line()
    {
        var target = new DockerTarget { EngineHost = () => DockerHost.Parse("unix:///nonexistent/docker.sock") };

        var error = await Assert.ThrowsAsync<TargetException>(() =>
            target.BuildAsync(BusyboxTree.Context(BusyboxTree.Create(), new EventLog(), null, (DockerTarget.TagOption, Tag())), default));

        Assert.Equal("Docker engine not reachable at unix:///nonexistent/docker.sock: is dockerd running?", error.Message);
    }

    [Fact]
    public async Task An_error_line_in_a_200_load_reply_is_an_error()
    {
        using var engine = new DockerEngine(DockerHost.FromEnvironment());

        var error = await Assert.ThrowsAsync<TargetException>(() =>
            engine.LoadAsync((s, ct) => s.WriteAsync(new byte[4096], ct).AsTask(), 4096, null, default));

        Assert.StartsWith("the Docker engine refused the image: ", error.Message);
    }

    public void Dispose() => DockerCli.Remove([.. _images]);

    private string Tag()
    {
        string tag = DockerCli.UniqueTag();
        _images.Add(tag);
        return tag;
    }

    private static async Task<IReadOnlyList<Artifact>> BuildAsync(string tag, UnixTime? epoch) =>
        await new DockerTarget().BuildAsync(
            BusyboxTree.Context(BusyboxTree.Create(), new EventLog(), epoch, (DockerTarget.TagOption, tag)), default);

    private static byte[] Xattr(string root, string path, string name) =>
        Tool.RunBytes("getfattr", "--only-values", "-n", name, "--absolute-names", Path.Combine(root, path));
}
