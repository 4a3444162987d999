using System.CommandLine;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;
using Boxer.Core.Plugins;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer manifest --tag T REF...</c>: joins per-platform images already in a registry into one index, through
/// the first loaded target that can (<see cref="IIndexJoiningTarget"/>: docker). A CI matrix builds each
/// architecture in its own job; a last job runs this.
/// </summary>
internal static class ManifestCommand
{
    public const string Name = "manifest";

    public static Command Create(PluginCatalog catalog, CliConsole console)
    {
        var tag = new Option<string>("--tag") { Description = "Where to publish the index, e.g. registry.example/name:1", Required = true, HelpName = "NAME[:TAG]" };
        var insecure = new Option<bool>("--insecure-registry") { Description = "Talk to the registry over plain HTTP" };
        var json = new Option<bool>("--json") { Description = "Print the events and the result as JSON lines on stdout" };
        var sources = new Argument<string[]>("REF") { Description = "The per-platform images to join, e.g. registry.example/name:1-amd64", Arity = ArgumentArity.OneOrMore };
        var command = new Command(Name, "Join per-platform images already in a registry into one multi-platform index under --tag") { tag, insecure, json, sources };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var joiner = catalog.Targets.Select(t => t.Target).OfType<IIndexJoiningTarget>().FirstOrDefault()
                ?? throw new UsageException("no loaded target can join images (the docker plugin can)");
            IProgress<BuildEvent> progress = parse.GetValue(json) ? JsonEventWriter.For(console.Out) : new HeadlessProgress(console);
            var artifact = await joiner.JoinAsync(new IndexJoinRequest
            {
                Tag = parse.GetRequiredValue(tag),
                Sources = parse.GetRequiredValue(sources),
                InsecureRegistry = parse.GetValue(insecure),
                Progress = progress,
            }, cancellationToken);
            if (progress is JsonEventWriter writer)
            {
                writer.WriteResult(ExitCode.Success, null, [artifact]);
            }
            else
            {
                ArtifactPrinter.Print([artifact], console.Out);
            }
            return ExitCode.Success;
        });
        return command;
    }
}
