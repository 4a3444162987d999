using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>Renders a <see cref="RecipePlan"/> for people: one section per kind of change, paths absolute.</summary>
public static class PlanTextRenderer
{
    public static string Render(RecipePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var sb = new StringBuilder();
        sb.Append($"Plan: {plan.Recipe.Name} for {plan.Target}\n");
        if (plan.Stage is { } stage)
        {
            sb.Append("\nStage:\n");
            stage.ToLabels().ToList().ForEach(p => sb.Append($"  {p.Key}: {p.Value}\n"));
        }
        sb.Append($"\nRemoved: {plan.Removed.Sum(r => r.Entries)} entries, {plan.BytesFreed} bytes freed\n");
        plan.Removed.ToList().ForEach(r => sb.Append($"  - {Describe(r)}\n"));
        sb.Append($"\nAdded: {plan.Added.Sum(a => a.Entries)} entries\n");
        plan.Added.ToList().ForEach(a => sb.Append($"  + {Describe(a)}\n"));
        sb.Append($"\nModified: {plan.Modified.Count} entries\n");
        foreach (var m in plan.Modified)
        {
            AppendModification(sb, m);
        }
        sb.Append($"\nServices dropped: {plan.DroppedServices.Count}\n");
        plan.DroppedServices.ToList().ForEach(d => sb.Append($"  {d.Level}/{d.Service}: {d.Reason}\n"));
        sb.Append("\nImage:\n");
        AppendImage(sb, plan.Image);
        if (plan.Log.Count > 0)
        {
            sb.Append("\nLog:\n");
            plan.Log.ToList().ForEach(l => sb.Append($"  {Level(l.Level)}: {l.Message}\n"));
        }
        return sb.ToString();
    }

    private static string Describe(PlanEntry e)
    {
        var path = "/" + e.Path;
        return e.Kind switch
        {
            EntryKind.Directory => $"{path}/ ({e.Entries} entries, {e.Bytes} bytes)",
            EntryKind.Symlink => $"{path} -> {e.LinkTarget}",
            EntryKind.File or EntryKind.HardLink => $"{path} ({e.Bytes} bytes)",
            _ => $"{path} ({e.Kind})",
        };
    }

    private static void AppendModification(StringBuilder sb, PlanModification m)
    {
        sb.Append($"  ~ /{m.Path}\n");
        foreach (var c in m.Metadata)
        {
            sb.Append($"      {c.Field}: {c.Before} -> {c.After}\n");
        }
        if (m.Content is { } content)
        {
            var diff = content.UnifiedDiff ?? $"binary content: {content.BytesBefore} -> {content.BytesAfter} bytes\n";
            foreach (var line in diff.TrimEnd('\n').Split('\n'))
            {
                sb.Append("      ").Append(line).Append('\n');
            }
        }
    }

    private static void AppendImage(StringBuilder sb, ImageConfigView image)
    {
        sb.Append($"  Entrypoint: {Json(image.Entrypoint)}\n");
        sb.Append($"  Cmd: {Json(image.Cmd)}\n");
        sb.Append($"  StopSignal: {image.StopSignal ?? "(runtime default)"}\n");
        sb.Append($"  Architecture: {image.Architecture}\n");
        Pairs(sb, "Env", image.Env);
        Pairs(sb, "Labels", image.Labels);
        if (image.ExposedPorts.Count > 0)
        {
            sb.Append($"  ExposedPorts: {string.Join(", ", image.ExposedPorts)}\n");
        }
        if (image.Volumes.Count > 0)
        {
            sb.Append($"  Volumes: {string.Join(", ", image.Volumes)}\n");
        }
        if (image.WorkingDir is not null || image.User is not null)
        {
            sb.Append($"  WorkingDir: {image.WorkingDir ?? "(default)"}; User: {image.User ?? "(root)"}\n");
        }
    }

    private static void Pairs(StringBuilder sb, string name, IReadOnlyDictionary<string, string> pairs)
    {
        foreach (var (k, v) in pairs)
        {
            sb.Append($"  {name}: {k}={v}\n");
        }
    }

    private static string Json(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(i => $"\"{i}\"")) + "]";

    private static string Level(BuildLogLevel level) => level switch
    {
        BuildLogLevel.Warning => "warning",
        BuildLogLevel.Debug => "debug",
        _ => "info",
    };
}
