using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Core.Pipeline;

namespace Boxer.Core.Sbom;

/// <summary>
/// The pipeline's SBOM step: once per build, on the imported tree, before any target's clone is prepared or
/// any recipe runs, so that a recipe pruning <c>/var/db/pkg</c> loses nothing. Its warnings are log lines.
/// </summary>
public static class SbomSnapshot
{
    /// <summary>The phase reported while the databases are read and the document written.</summary>
    public const string Phase = "sbom";

    /// <summary>The build's document, or null when <see cref="BuildRequest.Sbom"/> is <see cref="SbomFormat.None"/>.</summary>
    public static SbomDocument? Take(ImportedStage imported, BuildRequest request, IProgress<BuildEvent> progress)
    {
        if (request.Sbom == SbomFormat.None)
        {
            return null;
        }
        var clock = Stopwatch.StartNew();
        progress.Report(new PhaseStarted(Phase));
        var inventory = PackageInventoryReader.Read(imported.RootFs.AsReadOnly());
        const int MaxWarnings = 20;
        foreach (string warning in inventory.Warnings.Take(MaxWarnings))
        {
            progress.Report(new LogMessage(BuildLogLevel.Warning, warning, Phase));
        }
        if (inventory.Warnings.Count > MaxWarnings)
        {
            progress.Report(new LogMessage(BuildLogLevel.Warning, $"sbom: {inventory.Warnings.Count - MaxWarnings} more entries skipped", Phase));
        }
        var created = request.SourceDateEpoch?.ToDateTimeOffset() ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var subject = new SbomSubject(imported.Stage, request.Finalizer.Recipe, request.BoxerVersion, created);
        var document = SbomBuilder.Create(request.Sbom, inventory, subject);
        progress.Report(new LogMessage(BuildLogLevel.Debug, $"sbom: {inventory.Packages.Count} packages, {document!.FileName} {document.Content.Length} bytes", Phase));
        progress.Report(new PhaseCompleted(Phase, clock.Elapsed));
        return document;
    }
}
