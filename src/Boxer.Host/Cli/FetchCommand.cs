using System.CommandLine;
using Boxer.Core.Sources;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>boxer fetch STAGE [--out DIR]</c>: resolve, download and verify a stage3 without building anything; print
/// where the verified file is and what vouches for it. With <c>--out</c> the file is also copied into DIR.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliConsole console)
    {
        var stage = new Argument<string>("STAGE") { Description = SourceCliOptions.StageHelp };
        var output = new Option<string>("--out") { Description = "Also copy the verified tarball into this directory", HelpName = "DIR" };
        var command = new Command("fetch", "Download and verify a stage3 into the stage cache; build nothing") { stage, output };
        var sources = new SourceCliOptions();
        sources.All.ToList().ForEach(command.Add);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var value = SourceCliOptions.CheckStage("fetch STAGE", parse.GetRequiredValue(stage));
            var options = sources.Read(parse);
            var directory = parse.GetValue(output) is { } given ? InputPaths.Check("--out", given) : null;
            if (directory is not null && !Directory.Exists(directory))
            {
                throw new Boxer.Core.Pipeline.UsageException($"--out {directory}: no such directory");
            }
            var resolved = await StageResolver.ResolveAsync(value, options, new HeadlessProgress(console), cancellationToken);
            string path = directory is null ? resolved.Path : await CopyAsync(resolved, directory, cancellationToken);
            var provenance = resolved.Provenance;
            await console.Out.WriteLineAsync($"path:   {path}");
            foreach (var (key, text) in provenance.ToLabels())
            {
                await console.Out.WriteLineAsync($"{key[Boxer.Abstractions.StageProvenanceKeys.Prefix.Length..] + ":",-8}{text}");
            }
            return ExitCode.Success;
        });
        return command;
    }

    /// <summary>Copies aside and renames, so DIR never holds half a tarball under its real name.</summary>
    private static async Task<string> CopyAsync(ResolvedStage resolved, string directory, CancellationToken cancellationToken)
    {
        string destination = Path.Combine(directory, resolved.Provenance.Name);
        string temporary = Path.Combine(directory, $".{resolved.Provenance.Name}.boxer-fetch");
        try
        {
            await using (var source = File.OpenRead(resolved.Path))
            await using (var target = File.Create(temporary))
            {
                await source.CopyToAsync(target, cancellationToken);
            }
            File.Move(temporary, destination, overwrite: true);
            return destination;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
