using Boxer.Abstractions;
using Boxer.Formats.Output;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Output;

/// <summary>An output path is a regular file or nothing; the file appears whole at commit and not at all otherwise.</summary>
public sealed class OutputFileSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-output-");

    [Fact]
    public void A_committed_file_appears_whole_and_no_temporary_file_stays()
    {
        string path = _dir.Combine("a.img");

        using (var output = OutputFile.Create("t", path, force: false))
        {
            output.Stream.Write("hello"u8);
            output.Commit(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Equal("700", ExternalTool.RunChecked("stat", "-c", "%a", path).Stdout.Trim());
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void An_output_disposed_without_commit_leaves_nothing()
    {
        using (var output = OutputFile.Create("t", _dir.Combine("a.img"), force: false))
        {
            output.Stream.Write("partial"u8);
            Assert.True(File.Exists(output.TempPath));
        }

        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void An_existing_file_is_kept_without_force_and_replaced_with_it()
    {
        string path = _dir.Combine("a.img");
        File.WriteAllText(path, "old");

        var error = Assert.Throws<TargetException>(() => OutputFile.Create("t", path, force: false));
        Assert.Equal($"{path} already exists; use --force to overwrite it", error.Message);
        Assert.Equal("old", File.ReadAllText(path));

        using var output = OutputFile.Create("t", path, force: true);
        output.Stream.Write("new"u8);
        output.Commit();
        Assert.Equal("new", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("device", "a character device")]
    [InlineData("fifo", "a FIFO")]
    [InlineData("symlink", "a symbolic link")]
    [InlineData("dangling-symlink", "a symbolic link")]
    [InlineData("directory", "a directory")]
    public void Anything_but_a_regular_file_is_refused_even_with_force(string kind, string described)
    {
        string path = _dir.Combine(kind);
        Make(kind, path);
        var before = Directory.GetFileSystemEntries(_dir.Path).Order().ToList();

        var error = Assert.Throws<TargetException>(() => OutputFile.Create("t", path, force: true));

        Assert.Equal($"refusing to replace {path}: it is {described}, not a regular file", error.Message);
        Assert.Equal(before, Directory.GetFileSystemEntries(_dir.Path).Order().ToList());
    }

    [Fact]
    public void A_missing_directory_is_named()
    {
        string path = _dir.Combine("no", "such", "a.img");

        var error = Assert.Throws<TargetException>(() => OutputFile.Create("t", path, force: false));

        Assert.Equal($"cannot write {path}: directory {Path.GetDirectoryName(path)} does not exist", error.Message);
    }

    [Fact]
    public void A_destination_that_appears_during_the_build_is_kept_without_force()
    {
        string path = _dir.Combine("a.img");
        using var output = OutputFile.Create("t", path, force: false);
        File.WriteAllText(path, "someone else's");

        var error = Assert.Throws<TargetException>(() => output.Commit());

        Assert.Equal($"{path} already exists; use --force to overwrite it", error.Message);
        Assert.Equal("someone else's", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir.Path));
    }

    [Fact]
    public void Two_writers_of_one_destination_have_their_own_temporary_files()
    {
        string path = _dir.Combine("a.img");
        using var first = OutputFile.Create("t", path, force: true);
        using var second = OutputFile.Create("t", path, force: true);
        first.Stream.Write("first"u8);
        second.Stream.Write("second"u8);

        Assert.NotEqual(first.TempPath, second.TempPath);
        first.Commit();
        second.Commit();
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();

    private static void Make(string kind, string path)
    {
        switch (kind)
        {
            case "device":
                ExternalTool.RunChecked("mknod", path, "c", "1", "3");
                break;
            case "fifo":
                ExternalTool.RunChecked("mkfifo", path);
                break;
            case "symlink":
                File.WriteAllText(path + ".target", "kept");
                File.CreateSymbolicLink(path, path + ".target");
                break;
            case "dangling-symlink":
                File.CreateSymbolicLink(path, path + ".nowhere");
                break;
            default:
                Directory.CreateDirectory(path);
                break;
        }
    }
}
