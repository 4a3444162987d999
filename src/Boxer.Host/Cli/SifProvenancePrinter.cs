using System.Text.Json;
using Boxer.Abstractions;
using Boxer.Formats.Sif;

namespace Boxer.Host.Cli;

/// <summary>
/// The stage provenance (<c>io.boxer.stage3.*</c>) a boxer-built SIF carries in its <c>inspect-metadata.json</c>
/// labels, printed by <c>boxer inspect IMAGE.sif</c> as the stage facts print it.
/// </summary>
internal static class SifProvenancePrinter
{
    public static void Print(Stream file, SifImage sif, TextWriter output)
    {
        var metadata = sif.Descriptors.FirstOrDefault(d => d.DataType == SifDataType.GenericJson && d.Name == "inspect-metadata.json");
        if (metadata is null)
        {
            return;
        }
        try
        {
            using var json = JsonDocument.Parse(SifReader.ReadObject(file, metadata));
            if (json.RootElement.TryGetProperty("data", out var data) && data.TryGetProperty("attributes", out var attributes)
                && attributes.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object)
            {
                foreach (var label in labels.EnumerateObject().Where(l => l.Name.StartsWith(StageProvenanceKeys.Prefix, StringComparison.Ordinal)))
                {
                    output.WriteLine($"{label.Name}: {label.Value}");
                }
            }
        }
        catch (JsonException)
        {
            // Metadata another tool wrote differently says nothing about provenance; the facts above stand.
        }
    }
}
