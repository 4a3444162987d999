using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Plan;

/// <summary>Compares a tree before and after a recipe: removed and added subtrees, and modified entries.</summary>
public static class TreeDiff
{
    public static (IReadOnlyList<PlanEntry> Removed, IReadOnlyList<PlanEntry> Added, IReadOnlyList<PlanModification> Modified)
        Compare(IReadOnlyRootFs before, IReadOnlyRootFs after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var beforeEntries = before.Entries.ToList();
        var afterEntries = after.Entries.ToList();
        var afterByPath = afterEntries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var beforePaths = beforeEntries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

        var removed = Collapse(beforeEntries.Where(e => !afterByPath.ContainsKey(e.Path)));
        var added = Collapse(afterEntries.Where(e => !beforePaths.Contains(e.Path)));
        var modified = new List<PlanModification>();
        foreach (var old in beforeEntries)
        {
            if (afterByPath.TryGetValue(old.Path, out var now) && Change(before, after, old, now) is { } change)
            {
                modified.Add(change);
            }
        }
        return (removed, added, modified);
    }

    private static PlanModification? Change(IReadOnlyRootFs before, IReadOnlyRootFs after, FsEntry old, FsEntry now)
    {
        var content = old.HasContent && now.HasContent && ContentIdentity.MayDiffer(before, after, old, now)
            ? ContentDiff.Of(before.ReadAllBytes(old.Path), after.ReadAllBytes(now.Path), old.Path)
            : null;
        var metadata = MetadataDiff.Of(old, now, contentChanged: content is not null);
        return metadata.Count == 0 && content is null ? null : new PlanModification(now.Path, now.Kind, metadata, content);
    }

    // Entries come in tree order (a directory before its children), so a removed directory is met before
    // anything below it and can absorb it.
    private static List<PlanEntry> Collapse(IEnumerable<FsEntry> entries)
    {
        var roots = new List<PlanEntry>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            var bytes = e.Kind == EntryKind.File ? e.Size : 0;
            if (AncestorIn(index, e.Path) is { } at)
            {
                roots[at] = roots[at] with { Entries = roots[at].Entries + 1, Bytes = roots[at].Bytes + bytes };
                continue;
            }
            index[e.Path] = roots.Count;
            roots.Add(new PlanEntry(e.Path, e.Kind, 1, bytes) { LinkTarget = e.Kind == EntryKind.Symlink ? e.LinkTarget : null });
        }
        return roots;
    }

    private static int? AncestorIn(Dictionary<string, int> index, string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (index.TryGetValue(path[..slash], out var at))
            {
                return at;
            }
        }
        return null;
    }
}
