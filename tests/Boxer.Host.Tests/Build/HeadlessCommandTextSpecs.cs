using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Host.Cli;
using Boxer.Host.Tests.Support;
using Boxer.Host.Tui;

namespace Boxer.Host.Tests.Build;

/// <summary>The wizard's "same build headless" line: one command, which <c>boxer build</c>'s parser reads back into the same groups.</summary>
public sealed class HeadlessCommandTextSpecs
{
    [Fact]
    public void Two_targets_become_one_boxer_build_command_that_parses_back_into_their_groups()
    {
        var (first, second) = (new RecordingTarget("one"), new RecordingTarget("two"));
        TargetRequest[] requests =
        [
            new(first, new TargetOptionValues(new Dictionary<string, string> { ["label"] = "a b" })),
            new(second, new TargetOptionValues(new Dictionary<string, string> { ["label"] = "c", ["level"] = "5" })),
        ];

        var line = Assert.Single(HeadlessCommandText.For("/s/stage3.tar.xz", requests, "none"));

        Assert.Equal("boxer build --stage /s/stage3.tar.xz --recipe none --target one --label 'a b' --target two --label c --level 5", line);
        var parsed = BuildArgumentParser.Parse(
            ["--stage", "/s/stage3.tar.xz", "--recipe", "none", "--target", "one", "--label", "a b", "--target", "two", "--label", "c", "--level", "5"],
            name => requests.Select(r => r.Target).FirstOrDefault(t => t.Name == name));
        Assert.Equal([first, second], parsed.Targets.Select(g => g.Target));
        Assert.Equal(requests.Select(r => r.Options.All), parsed.Targets.Select(g => g.Values.All));
    }

    [Fact]
    public void One_target_keeps_its_own_verb()
    {
        var target = new RecordingTarget("one");
        TargetRequest[] requests = [new(target, new TargetOptionValues(new Dictionary<string, string> { ["label"] = "x" }))];

        Assert.Equal(["boxer one --stage s.tar --recipe none --label x"], HeadlessCommandText.For("s.tar", requests, "none"));
    }
}
