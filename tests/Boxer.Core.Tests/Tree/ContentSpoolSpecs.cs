using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Tree;

public sealed class ContentSpoolSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("boxer-spool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_spool_file_is_gone_from_the_directory_as_soon_as_it_exists()
    {
        var spool = ContentSpool.Create(_dir);
        spool.Append(new byte[3 << 20]);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
        spool.Release();
    }

    [Fact]
    public void Content_larger_than_the_write_buffer_reads_back_exactly_from_many_threads()
    {
        var big = new byte[(3 << 20) + 17];
        new Random(7).NextBytes(big);
        using var tree = SpooledTree.Create(_dir, ("a", "first"u8.ToArray()), ("big", big), ("z", "last"u8.ToArray()));

        Parallel.For(0, 8, _ =>
        {
            Assert.Equal(big, tree.ReadAllBytes("big"));
            Assert.Equal("first", tree.ReadAllText("a"));
            Assert.Equal("last", tree.ReadAllText("z"));
        });
        using var stream = tree.OpenRead("big");
        stream.Seek(-17, SeekOrigin.End);
        var tail = new byte[32];
        Assert.Equal(17, stream.Read(tail));
        Assert.Equal(big[^17..], tail[..17]);
    }
}
