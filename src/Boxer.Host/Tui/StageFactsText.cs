using Boxer.Core.Import;
using Boxer.Host.Cli;

namespace Boxer.Host.Tui;

/// <summary>The stage facts the wizard shows after an import, in a few short lines that fit 78 columns.</summary>
internal static class StageFactsText
{
    public static string Describe(ImportedStage imported)
    {
        var stage = imported.Stage;
        var os = $"{stage.OsName ?? "unknown"} {stage.OsVersion}".TrimEnd();
        return string.Join('\n',
            $"stage:    {stage.SourceName} ({stage.Compression})",
            $"arch:     {stage.Architecture}    init: {stage.InitSystem}    os: {os}",
            $"entries:  {imported.RootFs.Count}    content: {ByteSize.Format(imported.RootFs.ContentSize)}",
            $"sha256:   {stage.SourceSha256}");
    }
}
