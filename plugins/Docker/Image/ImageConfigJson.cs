using System.Globalization;
using System.Text.Json;

namespace Boxer.Targets.Docker.Image;

/// <summary>
/// Writes the image config in canonical form: fixed key order, no insignificant whitespace, collections
/// in ordinal order. The image ID is the SHA-256 of these bytes, so the same inputs give the same ID.
/// </summary>
public static class ImageConfigJson
{
    public static byte[] Write(ImageSpec spec, string diffId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("architecture", spec.Config.Architecture.Name);
            if (!string.IsNullOrEmpty(spec.Config.Architecture.Variant))
            {
                json.WriteString("variant", spec.Config.Architecture.Variant);
            }
            json.WriteString("os", spec.Config.Os);
            json.WriteString("created", Rfc3339(spec.Created));
            WriteRuntimeConfig(json, spec);
            json.WriteStartObject("rootfs");
            json.WriteString("type", "layers");
            json.WriteStartArray("diff_ids");
            json.WriteStringValue(diffId);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("history");
            json.WriteStartObject();
            json.WriteString("created", Rfc3339(spec.Created));
            json.WriteString("created_by", spec.CreatedBy);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>RFC 3339 in UTC with whole seconds, as Docker prints it.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void WriteRuntimeConfig(Utf8JsonWriter json, ImageSpec spec)
    {
        var config = spec.Config;
        json.WriteStartObject("config");
        WriteIfSet(json, "User", config.User);
        WriteSet(json, "ExposedPorts", config.ExposedPorts);
        WriteList(json, "Env", config.Env.Select(kv => $"{kv.Key}={kv.Value}"));
        WriteList(json, "Entrypoint", config.Entrypoint);
        WriteList(json, "Cmd", config.Cmd);
        WriteSet(json, "Volumes", config.Volumes);
        WriteIfSet(json, "WorkingDir", config.WorkingDir);
        if (spec.Labels.Count > 0)
        {
            json.WriteStartObject("Labels");
            foreach (var (key, value) in spec.Labels.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }
            json.WriteEndObject();
        }
        WriteIfSet(json, "StopSignal", config.StopSignal);
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        list.ForEach(json.WriteStringValue);
        json.WriteEndArray();
    }

    /// <summary>Docker's set encoding: an object whose keys are the members and whose values are <c>{}</c>.</summary>
    private static void WriteSet(Utf8JsonWriter json, string name, IEnumerable<string> members)
    {
        var list = members.Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return;
        }
        json.WriteStartObject(name);
        foreach (string member in list)
        {
            json.WriteStartObject(member);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
