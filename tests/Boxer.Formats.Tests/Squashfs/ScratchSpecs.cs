using Boxer.Formats.Tests.Squashfs.Support;

namespace Boxer.Formats.Tests.Squashfs;

public class ScratchSpecs
{
    [Fact]
    public async Task Scratch()
    {
        var fs = SampleTrees.EveryKind();
        await ImageFactory.WriteAsync(fs, "/tmp/scratch.sqfs");
    }
}
