using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Headless;

/// <summary>
/// An empty or malformed value, a SOURCE_DATE_EPOCH out of range, or a FIFO/device where a regular file is
/// needed, is a usage error: exit 2, one line, before anything is read or written.
/// </summary>
public sealed class CliValueSpecs : IDisposable
{
    private readonly TempDir _dir = new("boxer-cli-values-");

    private static string DemoStage => Path.Combine(RepoPaths.Root, "demo", "stage3-demo.tar.xz");

    [Theory]
    [InlineData("inspect|", "boxer: inspect STAGE needs a value (see --help)")]
    [InlineData("inspect|@FIFO", "boxer: inspect STAGE @FIFO: is a FIFO; give a regular file (see --help)")]
    [InlineData("sif|--stage|@FIFO|--recipe|none", "boxer: --stage @FIFO: is a FIFO; give a regular file (see --help)")]
    [InlineData("sif|--stage||--recipe|none", "boxer: --stage needs a value (see --help)")]
    [InlineData("sif|--stage|DEMO|--recipe|", "boxer: --recipe needs a value (see --help)")]
    [InlineData("sif|--stage|DEMO|--recipe|/dev/zero", "boxer: --recipe /dev/zero: is a character device; give a regular file (see --help)")]
    [InlineData("sif|--stage|DEMO|--recipe|none|--set|junk", "boxer: --set junk: expected key=value (see --help)")]
    [InlineData("docker|--stage|DEMO|--recipe|none|--out|", "boxer: docker: --out: needs a value (see --help)")]
    [InlineData("docker|--stage|DEMO|--recipe|none|--out|/dev/full", "boxer: docker: refusing to replace /dev/full: it is a character device, not a regular file (see --help)")]
    [InlineData("docker|--stage|DEMO|--recipe|none|--out|@FIFO|--force", "boxer: docker: refusing to replace @FIFO: it is a FIFO, not a regular file (see --help)")]
    [InlineData("sif|--stage|DEMO|--recipe|none|--out|EXISTING", "boxer: sif: EXISTING already exists; use --force to overwrite it (see --help)")]
    public async Task A_bad_value_is_a_usage_error_in_one_line(string args, string message)
    {
        string fifo = _dir.Combine("fifo");
        ExternalTool.RunChecked("mkfifo", fifo);
        string existing = _dir.Combine("existing.sif");
        File.WriteAllText(existing, "keep");
        string Fill(string text) => text.Replace("@FIFO", fifo, StringComparison.Ordinal)
            .Replace("DEMO", DemoStage, StringComparison.Ordinal).Replace("EXISTING", existing, StringComparison.Ordinal);

        var result = await BoxerHost.RunAsync([.. args.Split('|').Select(Fill)], new Dictionary<string, string?>(), _dir.Path);

        Assert.True(result.ExitCode == ExitCode.Usage, result.ToString());
        Assert.Equal([Fill(message)], result.StdErrLines);
        Assert.Equal("keep", File.ReadAllText(existing));
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir.Path).Length);
    }

    [Theory]
    [InlineData("4294967296", "boxer: SOURCE_DATE_EPOCH: 4294967296 is after 2106-02-07 06:28:15 UTC, the last second squashfs (sif, lxd) can store (see --help)")]
    [InlineData("253402300800", "boxer: SOURCE_DATE_EPOCH: 253402300800 is after 2106-02-07 06:28:15 UTC, the last second squashfs (sif, lxd) can store (see --help)")]
    [InlineData("99999999999999999999", "boxer: SOURCE_DATE_EPOCH: '99999999999999999999' is not a whole number of seconds since 1970-01-01 UTC (see --help)")]
    public async Task A_SOURCE_DATE_EPOCH_that_no_format_can_store_is_a_usage_error(string epoch, string message)
    {
        var result = await BoxerHost.RunAsync(
            ["sif", "--stage", DemoStage, "--recipe", "none", "--out", _dir.Combine("x.sif")],
            new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = epoch }, _dir.Path);

        Assert.True(result.ExitCode == ExitCode.Usage, result.ToString());
        Assert.Equal([message], result.StdErrLines);
        Assert.Empty(Directory.GetFileSystemEntries(_dir.Path));
    }

    public void Dispose() => _dir.Dispose();
}
