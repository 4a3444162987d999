using System.Globalization;

namespace Boxer.Core.Recipes;

/// <summary>The <c>--set key=value</c> pairs given to a recipe, with typed getters that fall back to a default.</summary>
public sealed class RecipeArgs
{
    private readonly SortedDictionary<string, string> _values;

    public RecipeArgs(IReadOnlyDictionary<string, string> values) =>
        _values = new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal);

    /// <summary>Every pair given, in ordinal key order.</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>True if <c>--set key=…</c> was given.</summary>
    public bool Has(string key) => _values.ContainsKey(key);

    /// <summary>The value of <paramref name="key"/>, or <paramref name="fallback"/> when not given.</summary>
    public string GetString(string key, string fallback = "") => _values.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>True for <c>true</c>, <c>yes</c>, <c>1</c>, <c>on</c>; false for <c>false</c>, <c>no</c>, <c>0</c>, <c>off</c>.</summary>
    /// <exception cref="RecipeException">The value is none of those.</exception>
    public bool GetBool(string key, bool fallback = false)
    {
        if (!_values.TryGetValue(key, out var v))
        {
            return fallback;
        }
        return v.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" or "on" => true,
            "false" or "no" or "0" or "off" => false,
            _ => throw new RecipeException($"--set {key}={v}: expected true or false"),
        };
    }

    /// <summary>The whole number given for <paramref name="key"/>, or <paramref name="fallback"/>.</summary>
    /// <exception cref="RecipeException">The value is not a whole number.</exception>
    public int GetInt(string key, int fallback = 0)
    {
        if (!_values.TryGetValue(key, out var v))
        {
            return fallback;
        }
        return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new RecipeException($"--set {key}={v}: expected a whole number");
    }

    /// <summary>Parses <c>key=value</c> strings as the CLI receives them.</summary>
    /// <exception cref="RecipeException">A pair has no <c>=</c> or an empty key.</exception>
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new RecipeException($"--set {pair}: expected key=value");
            }
            result[pair[..eq].Trim()] = pair[(eq + 1)..];
        }
        return result;
    }
}
