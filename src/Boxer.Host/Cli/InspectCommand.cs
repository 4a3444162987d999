using System.CommandLine;
using Boxer.Core.Pipeline;

namespace Boxer.Host.Cli;

/// <summary><c>boxer inspect STAGE|IMAGE [--list [--xattrs]]</c>: the stage (or image) facts, or one line per entry.</summary>
internal static class InspectCommand
{
    public static Command Create(CliConsole console)
    {
        var stage = new Argument<string>("STAGE") { Description = "The stage3 (xz, gzip, bzip2, zstd, lzip or plain tar; a path, an http(s) URL or gentoo:<arch>-<flavour>), or a built SIF or squashfs image" };
        var list = new Option<bool>("--list") { Description = "Print one line per entry, like tar -tv, instead of the facts" };
        var xattrs = new Option<bool>("--xattrs") { Description = "With --list: print each extended attribute as name=0x<hex> under its entry" };
        var sbom = new Option<bool>("--sbom") { Description = "Print the SBOM a build attached: from a SIF, an --out OCI archive, or a registry reference (HOST/NAME[:TAG])" };
        var command = new Command("inspect", "Show what a stage3 or a built SIF/squashfs image holds: architecture, init system, os-release, entries") { stage, list, xattrs, sbom };
        var sources = new SourceCliOptions();
        sources.All.ToList().ForEach(command.Add);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(sbom))
            {
                await SbomPrinter.PrintAsync(parse.GetRequiredValue(stage), console.Out, cancellationToken);
                return ExitCode.Success;
            }
            var path = SourceCliOptions.CheckStage("inspect STAGE", parse.GetRequiredValue(stage));
            bool listing = parse.GetValue(list) || parse.GetValue(xattrs);
            bool remote = Boxer.Core.Sources.StageReference.IsRemote(path);
            if (!remote && ImageSniffer.Detect(path) is var format and not ImageFormat.Stage)
            {
                await ImageInspector.InspectAsync(path, format, listing, parse.GetValue(xattrs), console.Out, cancellationToken);
                return ExitCode.Success;
            }
            var progress = new HeadlessProgress(console);
            console.NoteSpool();
            using var imported = await BuildPipeline.ImportAsync(path, null, sources.Read(parse), progress, cancellationToken);
            if (listing)
            {
                await EntryListingWriter.WriteAsync(imported.RootFs.Entries, parse.GetValue(xattrs), cancellationToken);
            }
            else
            {
                StageFactsPrinter.Print(imported, console.Out);
            }
            return ExitCode.Success;
        });
        return command;
    }
}
