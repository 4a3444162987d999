using Boxer.TestSupport;

namespace Boxer.Core.Tests.Fixtures;

/// <summary>Fixture generation runs once per script version, even when asked concurrently, and fails loudly.</summary>
public sealed class FixtureCacheSpecs : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Script(string body)
    {
        var path = _dir.Combine("gen.sh");
        File.WriteAllText(path, body);
        return path;
    }

    [Fact]
    public void A_failing_generator_throws_with_its_stderr()
    {
        var cache = new FixtureCache(_dir.Combine("cache"), "bad", Script("echo 'needs root, sorry' >&2; exit 4"), TimeSpan.FromMinutes(1));

        var error = Assert.Throws<InvalidOperationException>(() => cache.Directory(o => [o]));

        Assert.Contains("needs root, sorry", error.Message, StringComparison.Ordinal);
        Assert.Contains("exit 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concurrent_callers_share_one_generation_and_later_calls_reuse_it()
    {
        var counter = _dir.Combine("runs");
        var script = Script($"echo run >> '{counter}'; sleep 1; echo data > \"$1/out\"");

        var dirs = Enumerable.Range(0, 3).AsParallel().WithDegreeOfParallelism(3)
            .Select(_ => new FixtureCache(_dir.Combine("cache"), "ok", script, TimeSpan.FromMinutes(1)).Directory(o => [o]))
            .ToList();
        var again = new FixtureCache(_dir.Combine("cache"), "ok", script, TimeSpan.FromMinutes(1)).Directory(o => [o]);

        Assert.Single(dirs.Append(again).Distinct());
        Assert.Equal("data\n", File.ReadAllText(Path.Combine(again, "out")));
        Assert.Single(File.ReadAllLines(counter));
    }

    [Fact]
    public void Editing_the_script_regenerates()
    {
        var first = new FixtureCache(_dir.Combine("cache"), "v", Script("echo 1 > \"$1/v\""), TimeSpan.FromMinutes(1)).Directory(o => [o]);
        var second = new FixtureCache(_dir.Combine("cache"), "v", Script("echo 2 > \"$1/v\""), TimeSpan.FromMinutes(1)).Directory(o => [o]);

        Assert.NotEqual(first, second);
        Assert.Equal("2\n", File.ReadAllText(Path.Combine(second, "v")));
    }
}
