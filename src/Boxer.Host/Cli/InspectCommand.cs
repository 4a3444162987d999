using System.CommandLine;
using System.Text;
using Boxer.Abstractions;
using Boxer.Core.Listing;
using Boxer.Core.Pipeline;

namespace Boxer.Host.Cli;

/// <summary><c>boxer inspect STAGE [--list [--xattrs]]</c>: the stage facts, or one line per entry.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var stage = new Argument<string>("STAGE") { Description = "The stage3 tarball (xz, gzip, bzip2, zstd, lzip or plain tar)" };
        var list = new Option<bool>("--list") { Description = "Print one line per entry, like tar -tv, instead of the facts" };
        var xattrs = new Option<bool>("--xattrs") { Description = "With --list: print each extended attribute as name=0x<hex> under its entry" };
        var command = new Command("inspect", "Show what a stage3 holds: architecture, init system, os-release, entries") { stage, list, xattrs };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var progress = new HeadlessProgress(console);
            using var imported = await BuildPipeline.ImportAsync(parse.GetRequiredValue(stage), null, progress, cancellationToken);
            if (parse.GetValue(list) || parse.GetValue(xattrs))
            {
                await WriteListingAsync(imported.RootFs.Entries, parse.GetValue(xattrs), cancellationToken);
            }
            else
            {
                StageFactsPrinter.Print(imported, console.Out);
            }
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>Streams the listing to stdout through one buffer; a million entries must not build one string.</summary>
    private static async Task WriteListingAsync(IEnumerable<FsEntry> entries, bool withXattrs, CancellationToken cancellationToken)
    {
        await using var stdout = Console.OpenStandardOutput();
        await using var writer = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var entry in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteLineAsync(EntryListing.FormatLine(entry));
            if (!withXattrs)
            {
                continue;
            }
            foreach (var (name, value) in entry.Xattrs)
            {
                await writer.WriteLineAsync($"  {name}=0x{Convert.ToHexStringLower(value.AsSpan())}");
            }
        }
    }
}
