using Boxer.Abstractions;
using Boxer.Core.Recipes;
using Boxer.Core.Recipes.Helpers;
using Boxer.Core.Tests.Recipes.Support;
using Boxer.Core.Tree;

namespace Boxer.Core.Tests.Recipes;

public sealed class FilesAndTimezoneSpecs
{
    private readonly RootFs _fs = MiniStage.Create();
    private readonly List<BuildEvent> _events = [];
    private readonly RecipeLog _log;

    public FilesAndTimezoneSpecs() => _log = new RecipeLog(new InlineProgress(_events.Add));

    [Fact]
    public void Deleting_by_glob_counts_entries_and_the_bytes_freed()
    {
        var files = new FilesHelper(_fs);

        var result = files.DeleteGlob("/usr/src/linux*");

        Assert.Equal(new DeleteResult(5, 1500), result);
        Assert.Empty(_fs.Glob("usr/src/*"));
        Assert.Equal(default, files.DeleteGlob("/usr/src/linux*"));
    }

    [Fact]
    public void Replacing_by_regex_returns_the_match_count_and_keeps_the_file_s_metadata()
    {
        var files = new FilesHelper(_fs);
        var before = _fs.Get("etc/init.d/hostname");

        var count = files.Replace("/etc/init.d/hostname", "^\tneed (\\w+)$", "\tneed $1 net");

        Assert.Equal(1, count);
        Assert.Contains("\tneed localmount net\n", _fs.ReadAllText("etc/init.d/hostname"), StringComparison.Ordinal);
        Assert.Equal(before.Mode, _fs.Get("etc/init.d/hostname").Mode);
        Assert.Equal(0, files.Replace("/etc/init.d/hostname", "^nothing$", "x"));
    }

    [Fact]
    public void Replacing_in_a_missing_file_is_a_clear_error()
    {
        var error = Assert.Throws<RecipeException>(() => new FilesHelper(_fs).Replace("/etc/nope", "a", "b"));

        Assert.Equal("Files.Replace: /etc/nope does not exist", error.Message);
    }

    [Fact]
    public void Setting_the_time_zone_links_localtime_relatively_and_writes_etc_timezone()
    {
        new TimezoneHelper(_fs, _log).Set("UTC");

        Assert.Equal((EntryKind.Symlink, "../usr/share/zoneinfo/UTC"), (_fs.Get("etc/localtime").Kind, _fs.Get("etc/localtime").LinkTarget));
        Assert.Equal("UTC\n", _fs.ReadAllText("etc/timezone"));
        Assert.Empty(_events);
    }

    [Fact]
    public void A_zone_missing_from_the_tree_is_a_warning()
    {
        new TimezoneHelper(_fs, _log).Set("Mars/Olympus");

        var warning = Assert.Single(_events.OfType<LogMessage>());
        Assert.Equal(BuildLogLevel.Warning, warning.Level);
        Assert.Equal("Timezone.Set: /usr/share/zoneinfo/Mars/Olympus is not in the tree; /etc/localtime will dangle", warning.Message);
    }

    private sealed class InlineProgress(Action<BuildEvent> report) : IProgress<BuildEvent>
    {
        public void Report(BuildEvent value) => report(value);
    }
}
