using System.Text.Json;
using System.Text.RegularExpressions;
using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.ImageTest;

/// <summary>
/// <c>boxer test --json</c> prints exactly the document docs/cli.md describes: every documented field (but the
/// optional ones) is there with its type, and nothing undocumented is.
/// </summary>
[Collection(BootImagesCollection.Name)]
public sealed partial class TestJsonSchemaSpecs(BootImages images)
{
    [Fact]
    public async Task The_json_report_has_the_fields_docs_cli_md_documents_with_their_types()
    {
        var schema = DocumentedSchema();
        var result = await BoxerHost.RunAsync("test", images.Broken, "--json");

        Assert.Equal(5, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        Assert.Equal(schema.Keys.Order(StringComparer.Ordinal), root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (name, (type, nested)) in schema)
        {
            var value = root.GetProperty(name);
            Assert.True(Matches(value, type), $"{name} is {value.ValueKind}, documented as {type}");
            var objects = type == "array" ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object) : type == "object" ? [value] : [];
            foreach (var element in objects)
            {
                var present = element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                Assert.All(present.Keys, key => Assert.True(nested.ContainsKey(key), $"{name}.{key} is not documented"));
                foreach (var (key, (nestedType, optional)) in nested)
                {
                    Assert.True(optional || present.ContainsKey(key), $"{name}.{key} is documented but missing");
                    Assert.True(!present.TryGetValue(key, out var field) || Matches(field, nestedType), $"{name}.{key} is not a {nestedType}");
                }
            }
        }
        Assert.NotEmpty(root.GetProperty("services").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("problems").EnumerateArray());
    }

    /// <summary>The rows of the table after "With `--json` it prints one JSON document" in docs/cli.md.</summary>
    private static Dictionary<string, (string Type, Dictionary<string, (string Type, bool Optional)> Nested)> DocumentedSchema()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "cli.md"));
        int start = Array.FindIndex(lines, l => l.StartsWith("With `--json` it prints one JSON document", StringComparison.Ordinal));
        Assert.True(start >= 0, "docs/cli.md has no boxer test --json table");
        var rows = lines.Skip(start).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        var schema = new Dictionary<string, (string, Dictionary<string, (string, bool)>)>();
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var nested = NestedField().Matches(cells[3]).ToDictionary(
                m => m.Groups["name"].Value, m => (m.Groups["type"].Value, m.Groups["optional"].Success));
            schema[cells[1].Trim('`')] = (cells[2].Split(' ')[0], nested);
        }
        return schema;
    }

    private static bool Matches(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "bool" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };

    /// <summary><c>`name` (type</c> or <c>`name`? (type</c> in the meaning column: a field of a nested object.</summary>
    [GeneratedRegex(@"`(?<name>\w+)`(?<optional>\?)? \((?<type>string|bool|number)")]
    private static partial Regex NestedField();
}
