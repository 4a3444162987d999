using System.Globalization;
using System.Text.Json;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Cancellation;

/// <summary>
/// Ctrl-C in the middle of writing an image (after the write phase's first progress event, not before the
/// build starts): boxer exits 130 and leaves neither the output nor a temp file in the output directory or
/// in its TMPDIR. The stage3 is generated large enough that the write lasts seconds.
/// </summary>
public sealed class CtrlCMidWriteSpecs : IDisposable
{
    private readonly StagedBoxer _boxer = new();
    private readonly TempDir _input = new("boxer-ctrl-c-");

    [Theory]
    [InlineData("docker", "docker:layer", "image.tar")]
    [InlineData("sif", "sif:write", "image.sif")]
    public async Task Ctrl_C_while_writing_exits_130_and_leaves_no_output_and_no_temp_file(string target, string writePhase, string output)
    {
        string stage = LargeStage.Write(_input.Combine("large-stage3.tar"));
        var signalled = 0;

        var result = await _boxer.RunAsync(
            [target, "--stage", stage, "--out", output, "--recipe", "none", "--json"],
            unprivileged: false,
            (line, process) =>
            {
                if (IsProgressOf(line, writePhase) && Interlocked.Exchange(ref signalled, 1) == 0)
                {
                    ExternalTool.RunChecked("kill", "-INT", process.Id.ToString(CultureInfo.InvariantCulture));
                }
            });

        Assert.True(signalled == 1, $"no {writePhase} progress was reported, so Ctrl-C did not land mid-write\n{result}");
        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.StartsWith("{\"type\":\"result\",", result.StdOutLines[^1], StringComparison.Ordinal);
        Assert.Contains("\"exitCode\":130", result.StdOutLines[^1], StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_boxer.Work));
        Assert.Empty(Directory.GetFileSystemEntries(_boxer.Temp));
    }

    public void Dispose()
    {
        _input.Dispose();
        _boxer.Dispose();
    }

    private static bool IsProgressOf(string line, string phase)
    {
        if (!line.StartsWith('{'))
        {
            return false;
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return root.GetProperty("type").GetString() == "phaseProgress" && root.GetProperty("phase").GetString() == phase;
    }
}
