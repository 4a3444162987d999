using Boxer.Abstractions;
using Boxer.Core.Import;

namespace Boxer.Host.Cli;

/// <summary>Prints the facts <c>boxer inspect</c> shows about an imported stage3, one <c>key: value</c> per line.</summary>
internal static class StageFactsPrinter
{
    public static void Print(ImportedStage imported, TextWriter output)
    {
        var stage = imported.Stage;
        var tree = imported.RootFs;
        var archSource = stage.ArchitectureSource is { } s ? $" (from /{s})" : "";
        output.WriteLine($"stage:        {stage.SourceName}");
        output.WriteLine($"sha256:       {stage.SourceSha256}");
        output.WriteLine($"compression:  {stage.Compression} (decoded by {imported.Decoder})");
        output.WriteLine($"architecture: {stage.Architecture}{archSource}");
        output.WriteLine($"init system:  {InitName(stage.InitSystem)}");
        output.WriteLine($"os:           {stage.OsName ?? "unknown"} {stage.OsVersion}".TrimEnd());
        // Where it came from and who vouched for it, as every output records it.
        if (stage.Provenance is { } provenance)
        {
            output.WriteLine($"sha512:       {provenance.Sha512}");
            output.WriteLine($"source:       {provenance.Source}");
            output.WriteLine($"signer:       {provenance.Signer}");
        }
        output.WriteLine($"entries:      {tree.Count}");
        foreach (var (kind, count) in CountByKind(tree.Entries))
        {
            output.WriteLine($"  {KindName(kind) + ":",-14}{count}");
        }
        output.WriteLine($"content size: {ByteSize.Format(tree.ContentSize)} ({tree.ContentSize} bytes)");
    }

    private static IEnumerable<(EntryKind Kind, int Count)> CountByKind(IEnumerable<FsEntry> entries)
    {
        var counts = new int[Enum.GetValues<EntryKind>().Length];
        foreach (var entry in entries)
        {
            counts[(int)entry.Kind]++;
        }
        return Enum.GetValues<EntryKind>().Select(k => (k, counts[(int)k])).Where(c => c.Item2 > 0);
    }

    private static string InitName(InitSystem init) => init switch
    {
        InitSystem.OpenRC => "OpenRC",
        InitSystem.Systemd => "systemd",
        InitSystem.Other => "other",
        _ => "unknown",
    };

    private static string KindName(EntryKind kind) => kind switch
    {
        EntryKind.File => "files",
        EntryKind.Directory => "directories",
        EntryKind.Symlink => "symlinks",
        EntryKind.HardLink => "hard links",
        EntryKind.CharDevice => "char devices",
        EntryKind.BlockDevice => "block devices",
        EntryKind.Fifo => "fifos",
        _ => "sockets",
    };
}
