using System.Runtime.ExceptionServices;
using System.Text;
using Boxer.Formats.Tar;
using CliWrap;

namespace Boxer.Core.Import.Decoding;

/// <summary>
/// Decompresses with the native tool (<c>xz -dc</c>, <c>zstd -dc</c>, …) in a child process: it runs on
/// its own core while the tar consumer reads its stdout. The consumer always reads stdout to the end:
/// .NET children inherit an ignored SIGPIPE, so a child cut off early would exit 0 and hide the truth.
/// When the consumer fails before the end, the child is killed instead; so it is when the consumer stops
/// early on purpose (it read the end-of-archive marker and a look-ahead, and what follows is not wanted).
/// </summary>
internal static class NativeDecoder
{
    /// <summary>The full path of <paramref name="tool"/> on PATH, or null.</summary>
    public static string? Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(candidate) & UnixFileMode.UserExecute) != 0))
            {
                return candidate;
            }
        }
        return null;
    }

    public static async Task RunAsync(
        string toolPath, DecodeRequest request, Action<TarBlockSource> consume, CancellationToken cancellationToken)
    {
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? consumeError = null;
        bool stoppedEarly = false;
        var stderr = new StringBuilder();
        var stdout = PipeTarget.Create(async (output, _) =>
        {
            var source = new TarBlockSource(output, cancellationToken);
            try
            {
                await Task.Factory.StartNew(() => consume(source), CancellationToken.None,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
                if (!source.SawEnd)
                {
                    stoppedEarly = true;
                    await kill.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                consumeError = e;
                // At the end of its output the child is exiting anyway and its exit code tells more.
                if (!source.SawEnd)
                {
                    await kill.CancelAsync().ConfigureAwait(false);
                }
            }
        });
        var command = Cli.Wrap(toolPath).WithArguments(Arguments(toolPath))
            .WithStandardInputPipe(PipeSource.FromStream(request.Input))
            .WithStandardOutputPipe(stdout)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);
        CommandResult? result = null;
        try
        {
            result = await command.ExecuteAsync(kill.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when ((consumeError is not null || stoppedEarly) && !cancellationToken.IsCancellationRequested)
        {
        }
        if (result is { ExitCode: not 0 } && !stoppedEarly)
        {
            var tool = Path.GetFileName(toolPath);
            // Tools prefix messages with argv[0], which is the full path here.
            var reason = (stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no message")
                .Replace(toolPath + ":", tool + ":", StringComparison.Ordinal).Trim();
            throw new StageException($"{tool} -dc failed (exit {result.ExitCode}): {reason}", null, null, consumeError);
        }
        if (consumeError is not null)
        {
            ExceptionDispatchInfo.Throw(consumeError);
        }
    }

    /// <summary>
    /// xz 5.4 decodes multi-block streams (what pixz and `xz -T` make, as stage3 builders do) on several
    /// threads, about twice as fast on two cores; single-block streams decode as before.
    /// </summary>
    private static string[] Arguments(string toolPath) =>
        Path.GetFileName(toolPath) == "xz" ? ["-T0", "-dc"] : ["-dc"];
}
