namespace Boxer.Core.Import;

/// <summary>
/// The xattr namespaces Linux knows. A name outside them (or an empty one) can be written into a PAX
/// header but no filesystem takes it: extraction drops it without a word, so the importer drops it with one.
/// </summary>
internal static class XattrNamespaces
{
    private static readonly string[] Prefixes = ["user.", "trusted.", "security.", "system."];

    /// <summary>True for <c>namespace.name</c> with a namespace Linux knows and a non-empty name after it.</summary>
    public static bool IsValid(string name)
    {
        foreach (var prefix in Prefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The warning for the names dropped from one entry.</summary>
    public static string DroppedMessage(IReadOnlyCollection<string> names) =>
        $"dropped xattr{(names.Count == 1 ? "" : "s")} {string.Join(", ", names.Select(n => $"'{Listing.NameEscaper.Escape(n)}'"))}: "
        + "Linux holds only user.*, trusted.*, security.* and system.* names";
}
