using Boxer.TestSupport;

namespace Boxer.Host.Tests.Unprivileged;

/// <summary>What the unprivileged specs compare: the stage3 must hold what only root could recreate on disk.</summary>
internal static class UnprivilegedListings
{
    /// <summary>
    /// Fails unless the listing holds other owners than root, a device, setuid and setgid files, a binary
    /// capability and a hard link: equality over a listing without them would prove nothing.
    /// </summary>
    public static void AssertCoversRootOnlyFeatures(IReadOnlyList<ListedEntry> stage)
    {
        Assert.Contains(stage, e => e.Uid != 0 && e.Gid != 0);
        Assert.Contains(stage, e => e.Kind == 'c' && e.Size.Contains(',', StringComparison.Ordinal));
        Assert.Contains(stage, e => e.Perms[2] == 's');
        Assert.Contains(stage, e => e.Perms[5] == 's');
        Assert.Contains(stage, e => e.Xattrs.TryGetValue("security.capability", out var hex) && hex.Length > 0);
        Assert.Contains(stage, e => e.Kind == 'h');
    }
}
