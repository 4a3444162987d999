using System.Text;
using Boxer.Abstractions;

namespace TinyTarget;

/// <summary>Writes a text file: a greeting, then the path of every entry of the finalized tree.</summary>
public sealed class TinyTarget : ITarget
{
    public string Name => "tiny";

    public string Summary => "Writes the tree's paths to a text file (a test plugin)";

    public IReadOnlyList<TargetOption> Options { get; } =
    [
        new("out", TargetOptionKind.Path, "The file to write") { Required = true, ValueName = "FILE" },
        new("greeting", TargetOptionKind.Text, "The first line")
        {
            Default = "hello",
            Validate = value => value.Length > 0 && value.All(char.IsAsciiLetter) ? null : "letters only, please",
        },
        new("mood", TargetOptionKind.Choice, "How to greet") { Choices = ["calm", "loud"], Default = "calm" },
        new("shout", TargetOptionKind.Bool, "Upper-case the greeting"),
        new("hold", TargetOptionKind.Bool, "After writing, wait to be cancelled, then remove the file"),
    ];

    public IReadOnlyList<string> Validate(TargetOptionValues options) =>
        options.GetBool("shout") && options.GetString("mood") != "loud" ? ["--shout needs --mood loud"] : [];

    public void Prepare(TargetPrepareContext context) =>
        context.RootFs.WriteAllText("etc/tiny-prepared", "prepared by the tiny target\n");

    public async Task<IReadOnlyList<Artifact>> BuildAsync(TargetBuildContext context, CancellationToken cancellationToken)
    {
        var greeting = context.Options.GetString("greeting") ?? "hello";
        var text = new StringBuilder(context.Options.GetBool("shout") ? greeting.ToUpperInvariant() : greeting).Append('\n');
        foreach (var entry in context.RootFs.Entries)
        {
            text.Append("./").Append(entry.Path).Append('\n');
        }
        var path = Path.GetFullPath(context.Options.GetString("out")!, context.WorkingDirectory);
        context.Progress.Report(new PhaseStarted("tiny:write"));
        await File.WriteAllTextAsync(path, text.ToString(), cancellationToken);
        context.Progress.Report(new PhaseCompleted("tiny:write", TimeSpan.Zero));
        if (context.Options.GetBool("hold"))
        {
            await HoldAsync(path, context.Progress, cancellationToken);
        }
        return [new Artifact(Name, ArtifactKind.File, path) { Size = new FileInfo(path).Length }];
    }

    /// <summary>Stands for a long write: a cancelled target removes its partial output, as the contract asks.</summary>
    private static async Task HoldAsync(string path, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        progress.Report(new LogMessage(BuildLogLevel.Info, "holding until cancelled", "tiny"));
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
