using System.Globalization;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Recipes;
using Boxer.Core.Testing;
using Boxer.Formats.Sif;
using Boxer.TestSupport;
using Xunit.Abstractions;

namespace Boxer.Targets.Singularity.Tests;

/// <summary>
/// The OpenRC fixture as a SIF with an embedded overlay boots as <c>instance start --boot --writable</c> would
/// boot it (Support/boot-sif.sh with the ext3 partition as the overlayfs upper), and what one boot writes is
/// there in the next, stored in the partition's <c>upper/</c> (needs root).
/// </summary>
[Collection(Support.SifBootCollection.Name)]
public sealed class SifOverlayBootSpecs(ITestOutputHelper output) : IDisposable
{
    private const string Proof = "written in boot 1";
    private readonly TempDir _dir = new("boxer-sif-overlay-boot-");

    [Fact]
    public async Task A_file_written_in_one_boot_is_there_in_the_next()
    {
        Assert.True(Environment.UserName == "root", "booting the image needs root (CI runs tests as root)");
        string sif = await BuildAsync();

        var first = Boot(sif, "boot-1", $"echo '{Proof}' > /root/overlay-proof && sync");
        var second = Boot(sif, "boot-2", "cat /root/overlay-proof");

        Assert.True(first.Verdict.Passed, first.Verdict.ToString());
        Assert.True(second.Verdict.Passed, second.Verdict.ToString());
        Assert.Contains("stopped=yes\n", first.Summary, StringComparison.Ordinal);
        Assert.Equal(Proof + "\n", second.Run);
        string ext3 = _dir.Combine("overlay.ext3");
        // The overlay's ID as the file gives it: after the squashfs and, by default, the SBOM.
        uint overlay = SifReader.Read(sif).OverlayPartition!.Id;
        ExternalTool.RunChecked("sh", "-c", $"siftool dump {overlay} '{sif}' > '{ext3}'");
        Assert.Equal(Proof + "\n", ExternalTool.RunChecked(ExternalTool.Require("debugfs"), "-R", "cat upper/root/overlay-proof", ext3).Stdout);
        var fsck = ExternalTool.Run(ExternalTool.Require("e2fsck"), ["-fn", ext3]);
        Assert.True(fsck.ExitCode == 0, $"e2fsck -fn after two boots: exit {fsck.ExitCode}\n{fsck.Stdout}{fsck.Stderr}");
    }

    public void Dispose() => _dir.Dispose();

    private async Task<string> BuildAsync()
    {
        var options = new Dictionary<string, string> { ["out"] = "boot.sif", ["level"] = "1", ["overlay-size"] = "64" };
        var request = new BuildRequest
        {
            StagePath = Fixtures.OpenRc(),
            Targets = [new TargetRequest(new SingularityTarget(), new TargetOptionValues(options))],
            Finalizer = new RecipeFinalizer(Path.Combine(RepoPaths.Recipes, "openrc-server.csx"),
                runner: new RecipeRunner(new RecipeRunnerOptions { CacheDirectory = _dir.Combine("recipe-cache") })),
            WorkingDirectory = _dir.Path,
            SourceDateEpoch = new UnixTime(1_750_000_000),
        };
        var result = await BuildPipeline.RunAsync(request, new Progress<BuildEvent>(), CancellationToken.None);
        return Assert.Single(result.Artifacts).Location;
    }

    /// <summary>One boot with Support/boot-sif.sh in overlay mode, running <paramref name="command"/> inside.</summary>
    private (BootVerdict Verdict, string Summary, string Run) Boot(string sif, string name, string command)
    {
        var image = SifReader.Read(sif);
        var (system, overlay) = (image.PrimaryPartition!, image.OverlayPartition!);
        string work = _dir.Combine(name);
        string[] args =
        [
            Path.Combine(RepoPaths.Root, "tests", "Boxer.Targets.Singularity.Tests", "Support", "boot-sif.sh"), sif,
            Number(system.Offset), Number(system.Size), work, Number(overlay.Offset), Number(overlay.Size),
        ];
        var boot = ExternalTool.Run("bash", args, new ToolRunOptions
        {
            Timeout = TimeSpan.FromMinutes(3),
            Environment = new Dictionary<string, string?> { ["BOOT_SIF_RUN"] = command },
        });
        Assert.True(boot.ExitCode == 0, $"boot script failed ({boot.ExitCode}): {boot.Stderr}\n{boot.Stdout}");

        string Read(string file) => File.Exists(Path.Combine(work, file)) ? File.ReadAllText(Path.Combine(work, file)) : "";
        var verdict = BootVerdict.Judge(
            Read("rc-status.out"),
            [new("console", Read("console.log")), new("init stdout", Read("init.stdout")), new("init stderr", Read("init.stderr")),
             new("rc-status stderr", Read("rc-status.err")), new("command stderr", Read("run.err")), new("boot-sif.sh stderr", boot.Stderr)]);
        output.WriteLine($"--- {name}\n{boot.Stdout}\n{verdict}\n--- run.out\n{Read("run.out")}\n--- console\n{Read("console.log")}");
        return (verdict, boot.Stdout, Read("run.out"));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
