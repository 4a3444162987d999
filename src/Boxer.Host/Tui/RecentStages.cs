using System.Text.Json;

namespace Boxer.Host.Tui;

/// <summary>
/// The stage3 tarballs used lately, newest first, kept in <c>$XDG_CONFIG_HOME/boxer/recent.json</c> (else
/// <c>~/.config/boxer/recent.json</c>). A missing or unreadable file is an empty list: it is a convenience.
/// </summary>
internal sealed class RecentStages(string filePath)
{
    private const int MaxEntries = 8;

    public string FilePath { get; } = filePath;

    public static RecentStages Default()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var config = string.IsNullOrEmpty(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config")
            : xdg;
        return new RecentStages(Path.Combine(config, "boxer", "recent.json"));
    }

    /// <summary>The recent stages that still exist, newest first.</summary>
    public IReadOnlyList<string> Load()
    {
        try
        {
            var paths = JsonSerializer.Deserialize<string[]>(File.ReadAllText(FilePath)) ?? [];
            return [.. paths.Where(File.Exists)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }

    /// <summary>Puts <paramref name="stagePath"/> first; failing to save is not worth interrupting a build for.</summary>
    public void Add(string stagePath)
    {
        var full = Path.GetFullPath(stagePath);
        var paths = Load().Where(p => p != full).Prepend(full).Take(MaxEntries).ToArray();
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            File.WriteAllText(FilePath, JsonSerializer.Serialize(paths));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Recent entries are a convenience only.
        }
    }
}
