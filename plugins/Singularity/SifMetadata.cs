using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Targets.Singularity;

/// <summary>The definition file, labels and <c>inspect-metadata.json</c> that describe a boxer-built SIF.</summary>
internal sealed class SifMetadata(TargetBuildContext context)
{
    // Scripts read better with quotes and ampersands as they are; the JSON is never embedded in HTML.
    private static readonly JavaScriptEncoder Readable = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// A definition file that says truthfully where the image came from. <c>Bootstrap: scratch</c> because
    /// no apptainer bootstrap agent can redo what boxer did; the provenance is in comments and labels.
    /// </summary>
    public string DefFile()
    {
        var text = new StringBuilder();
        text.Append("Bootstrap: scratch\n");
        text.Append(CultureInfo.InvariantCulture, $"# Built by boxer {context.BoxerVersion} from a stage3, without singularity build.\n");
        text.Append(CultureInfo.InvariantCulture, $"# stage3: {context.Stage.SourceName} (sha256:{context.Stage.SourceSha256})\n");
        foreach (var (key, value) in context.Stage.Provenance?.ToLabels() ?? [])
        {
            // One comment line each: a path may hold a newline, which must not end the comment.
            text.Append(CultureInfo.InvariantCulture, $"# {key}: {value.ReplaceLineEndings(" ")}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"# recipe: {context.Recipe.Name}{(context.Recipe.Sha256.Length > 0 ? $" (sha256:{context.Recipe.Sha256})" : "")}\n");
        text.Append("\n%runscript\n    exec /bin/bash --login \"$@\"\n");
        return text.ToString();
    }

    public SortedDictionary<string, string> Labels()
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["org.label-schema.schema-version"] = "1.0",
            ["org.label-schema.build-arch"] = context.Image.Architecture.Name,
            ["org.label-schema.build-date"] = context.CreatedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["org.label-schema.usage.singularity.deffile.bootstrap"] = "scratch",
            ["io.boxer.stage3"] = context.Stage.SourceName,
            ["io.boxer.stage3.sha256"] = context.Stage.SourceSha256,
            ["io.boxer.recipe"] = context.Recipe.Name,
            ["io.boxer.version"] = context.BoxerVersion,
        };
        foreach (var (key, value) in context.Image.Labels)
        {
            labels[key] = value;
        }
        // Provenance last: the build knows where the stage came from better than any recipe.
        foreach (var (key, value) in context.Stage.Provenance?.ToLabels() ?? [])
        {
            labels[key] = value;
        }
        return labels;
    }

    public static byte[] LabelsJson(SortedDictionary<string, string> labels) =>
        JsonSerializer.SerializeToUtf8Bytes(labels, new JsonSerializerOptions { WriteIndented = true, Encoder = Readable });

    public byte[] InspectJson(string runscript, string startscript, string environment, SortedDictionary<string, string> labels)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Readable }))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteStartObject("attributes");
            json.WriteString("deffile", DefFile());
            json.WriteStartObject("environment");
            json.WriteString("/.singularity.d/env/90-environment.sh", environment);
            json.WriteEndObject();
            json.WriteStartObject("labels");
            foreach (var (key, value) in labels)
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
            json.WriteString("runscript", runscript);
            json.WriteString("startscript", startscript);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("type", "container");
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
