namespace Boxer.Core.Recipes.Helpers;

/// <summary>A service enabled in a runlevel: the symlink <c>/etc/runlevels/&lt;Level&gt;/&lt;Service&gt;</c>.</summary>
public sealed record ServiceLink(string Level, string Service)
{
    public override string ToString() => $"{Level}/{Service}";
}
