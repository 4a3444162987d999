using Boxer.Abstractions;

namespace Boxer.Core.Stage;

/// <summary>
/// Tells the init system from the tree. What <c>/sbin/init</c> resolves to decides first (PID 1 is
/// systemd whenever it leads there, even with OpenRC's files installed); then OpenRC's own files; then
/// a systemd binary; then any <c>/sbin/init</c>.
/// </summary>
internal static class InitSystemDetector
{
    public static InitSystem Detect(IReadOnlyRootFs tree)
    {
        var init = TreeSymlinkResolver.Resolve(tree, "sbin/init");
        if (init is not null && init.Name == "systemd")
        {
            return InitSystem.Systemd;
        }
        if (Resolves(tree, "sbin/openrc") || (IsDirectory(tree, "etc/runlevels") && Resolves(tree, "etc/rc.conf")))
        {
            return InitSystem.OpenRC;
        }
        if (Resolves(tree, "lib/systemd/systemd") || Resolves(tree, "usr/lib/systemd/systemd"))
        {
            return InitSystem.Systemd;
        }
        return init is not null || tree.Exists("sbin/init") ? InitSystem.Other : InitSystem.Unknown;
    }

    private static bool Resolves(IReadOnlyRootFs tree, string path) => TreeSymlinkResolver.Resolve(tree, path) is not null;

    private static bool IsDirectory(IReadOnlyRootFs tree, string path) =>
        TreeSymlinkResolver.Resolve(tree, path) is { Kind: EntryKind.Directory };
}
