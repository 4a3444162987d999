// Removes what no container uses: kernel sources, kernel modules and the meta-repo checkout.

/// <summary>
/// Removes /usr/src/linux*, /lib/modules/* (or /usr/lib/modules/*) and /var/git/*. /var/db/pkg is left alone unless
/// --set prune-pkgdb=true: deleting a package's entry by hand makes Portage's database lie.
/// </summary>
void RemoveBuildLeftovers()
{
    // /usr/lib/modules is where merged-usr stage3s keep the modules (/lib is a symlink there).
    foreach (var pattern in new[] { "/usr/src/linux*", "/lib/modules/*", "/usr/lib/modules/*", "/var/git/*" })
    {
        var removed = Files.DeleteGlob(pattern);
        if (removed.Count > 0)
        {
            Log.Info($"removed {pattern}: {removed.Count} entries, {removed.Bytes} bytes");
        }
    }
    if (Args.GetBool("prune-pkgdb"))
    {
        var pruned = Files.DeleteGlob("/var/db/pkg/sys-kernel/*-sources*");
        Log.Warn($"prune-pkgdb: removed {pruned.Count} entries of /var/db/pkg/sys-kernel/*-sources*; "
            + "Portage now believes those packages are not installed while their files are gone");
    }
}
