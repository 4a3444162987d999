using Boxer.Abstractions;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>The target's face: its options and the checks made before anything is imported.</summary>
public sealed class DockerTargetSpecs
{
    private readonly DockerTarget _target = new();

    [Fact]
    public void The_target_declares_its_options()
    {
        Assert.Equal("docker", _target.Name);
        Assert.Equal(["tag", "push", "out", "force", "registry-user", "registry-password-stdin", "insecure-registry", "codec", "layer-compression", "sign-key", "sign-key-password-stdin"], _target.Options.Select(o => o.Name));
        Assert.Null(_target.Options.Single(o => o.Name == "tag").Validate!("127.0.0.1:5000/x:1"));
        Assert.NotNull(_target.Options.Single(o => o.Name == "tag").Validate!("UPPER"));
    }

    [Theory]
    [InlineData("", "give --tag")]
    [InlineData("push=true;out=x.tar", "--push needs --tag")]
    [InlineData("tag=x;force=true", "--force needs --out")]
    [InlineData("tag=x;registry-password-stdin=true", "--registry-password-stdin needs --registry-user")]
    [InlineData("tag=x;registry-user=me", "--registry-user needs --registry-password-stdin")]
    [InlineData("tag=x;codec=libzstd", "--codec libzstd writes zstd, not gzip")]
    [InlineData("tag=x;sign-key=k.pem", "--sign-key needs --push")]
    [InlineData("tag=x;push=true;sign-key-password-stdin=true", "--sign-key-password-stdin needs --sign-key")]
    [InlineData("tag=x;push=true;sign-key=k.pem;sign-key-password-stdin=true;registry-user=me;registry-password-stdin=true", "cannot both read standard input")]
    public void Option_combinations_that_cannot_work_are_refused(string given, string problem)
    {
        var values = given.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var options = new TargetOptionValues(values);
        IReadOnlyList<string> problems = [.. _target.Validate(options), .. _target.ValidateWrite(options)];
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        // The pipeline names the target ("docker: ..."); a problem naming it again would read "docker: docker:".
        Assert.DoesNotContain(problems, p => p.StartsWith("docker:", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_writing_needs_somewhere_to_put_the_image()
    {
        Assert.Empty(_target.Validate(TargetOptionValues.Empty));
        Assert.Contains(_target.ValidateWrite(TargetOptionValues.Empty), p => p.Contains("give --tag", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tag=x")]
    [InlineData("out=x.tar")]
    [InlineData("tag=x;push=true;registry-user=me;registry-password-stdin=true")]
    public void Usable_option_combinations_pass(string given)
    {
        var values = given.Split(';').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);

        var options = new TargetOptionValues(values);
        Assert.Empty(_target.Validate(options).Concat(_target.ValidateWrite(options)));
    }

    [Fact]
    public async Task A_whiteout_name_in_the_tree_fails_the_build_with_its_path()
    {
        using var dir = new TempDir();
        var tree = BusyboxTree.Create().File("etc/.wh.passwd", "x");

        var error = await Assert.ThrowsAsync<TargetException>(() =>
            _target.BuildAsync(BusyboxTree.Context(tree, new EventLog(), null, (DockerTarget.OutOption, dir.File("x.tar"))), default));

        Assert.Contains("/etc/.wh.passwd", error.Message);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_socket_is_left_out_with_a_warning()
    {
        using var dir = new TempDir();
        var log = new EventLog();
        var tree = BusyboxTree.Create().Node("run/agent.sock", EntryKind.Socket, 0b111_111_111);

        await _target.BuildAsync(BusyboxTree.Context(tree, log, null, (DockerTarget.OutOption, dir.File("x.tar"))), default);

        Assert.Contains(log.Events.OfType<LogMessage>(), m => m.Level == BuildLogLevel.Warning && m.Message.Contains("/run/agent.sock", StringComparison.Ordinal));
    }
}
