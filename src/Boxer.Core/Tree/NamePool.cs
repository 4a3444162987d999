namespace Boxer.Core.Tree;

/// <summary>Interns user and group names: a stage3 has tens of thousands of entries but a handful of owners.</summary>
internal sealed class NamePool
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public string? Intern(string? name)
    {
        if (name is null)
        {
            return null;
        }
        lock (_lock)
        {
            if (_names.TryGetValue(name, out var existing))
            {
                return existing;
            }
            _names[name] = name;
            return name;
        }
    }
}
