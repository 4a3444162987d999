using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>
/// Renders a <see cref="RecipePlan"/> as JSON for tools (<c>--plan --json</c>): camelCase names, enums as
/// strings, log lines without timestamps so the same plan always renders the same bytes.
/// </summary>
public static class PlanJsonRenderer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Plans are read in terminals and by tools, never embedded in HTML: keep '+' and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Render(RecipePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var document = new
        {
            recipe = new { name = plan.Recipe.Name, sha256 = plan.Recipe.Sha256 },
            target = plan.Target,
            stage = plan.Stage?.ToLabels().ToDictionary(StringComparer.Ordinal),
            bytesFreed = plan.BytesFreed,
            removed = plan.Removed,
            added = plan.Added,
            modified = plan.Modified,
            droppedServices = plan.DroppedServices,
            image = Image(plan.Image),
            log = plan.Log.Select(l => new { level = l.Level, message = l.Message }),
        };
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    // Spelled out so the architecture stays the flat "architecture"/"variant" pair tools already read.
    private static object Image(ImageConfigView image) => new
    {
        entrypoint = image.Entrypoint,
        cmd = image.Cmd,
        env = image.Env,
        workingDir = image.WorkingDir,
        user = image.User,
        labels = image.Labels,
        exposedPorts = image.ExposedPorts,
        volumes = image.Volumes,
        stopSignal = image.StopSignal,
        architecture = image.Architecture.Name,
        variant = image.Architecture.Variant,
        os = image.Os,
        created = image.Created,
    };

}
