using Boxer.Abstractions;

namespace Boxer.Core.Recipes.Helpers;

/// <summary>Sets the system time zone the way <c>eselect</c>/<c>timedatectl</c> leave it in the tree.</summary>
public sealed class TimezoneHelper(IRootFs fs, RecipeLog log)
{
    public const string LocalTime = "etc/localtime";
    public const string TimezoneFile = "etc/timezone";

    /// <summary>
    /// Points <c>/etc/localtime</c> at <c>../usr/share/zoneinfo/ZONE</c> (relative, so it also resolves from
    /// outside the container) and writes <c>/etc/timezone</c>. A zone missing from the tree is a warning.
    /// </summary>
    public void Set(string zone)
    {
        if (!fs.Exists($"usr/share/zoneinfo/{zone}"))
        {
            log.Warn($"Timezone.Set: /usr/share/zoneinfo/{zone} is not in the tree; /etc/localtime will dangle");
        }
        if (fs.Find(LocalTime) is { Kind: EntryKind.Directory })
        {
            throw new RecipeException($"Timezone.Set: /{LocalTime} is a directory");
        }
        fs.Delete(LocalTime);
        fs.CreateSymlink(LocalTime, $"../usr/share/zoneinfo/{zone}");
        fs.WriteAllText(TimezoneFile, zone + "\n");
    }
}
