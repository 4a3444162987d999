using Boxer.Host.Tests.Headless;
using Boxer.TestSupport.Boot;

namespace Boxer.Host.Tests.ImageTest;

/// <summary>A build verb's <c>--test</c>: the image just built is booted and checked; a failure is exit 5.</summary>
[Collection(BootImagesCollection.Name)]
public sealed class BuildTestOptionSpecs(BootImages images)
{
    [Fact]
    public void A_build_with_test_and_json_reports_a_test_event_before_its_result()
    {
        var events = images.CleanBuild.StdOutLines.Select(JsonEventSchema.Check).ToList();

        var test = Assert.Single(events, e => e.GetProperty("type").GetString() == "test");
        Assert.True(test.GetProperty("passed").GetBoolean(), test.ToString());
        Assert.Equal(images.Clean, test.GetProperty("reference").GetString());
        Assert.Equal("result", events[^1].GetProperty("type").GetString());
        Assert.True(events.IndexOf(test) < events.Count - 1);
        Assert.Equal(0, events[^1].GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public void A_build_whose_image_fails_its_test_exits_5_naming_the_service()
    {
        var build = images.BrokenBuild;

        Assert.Equal(5, build.ExitCode);
        Assert.Contains($"FAILED {images.Broken}", build.StdOutLines);
        Assert.Contains($"problem: service {BrokenService.Name} is stopped, not started (default runlevel)", build.StdOutLines);
    }
}
