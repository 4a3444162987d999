using System.Globalization;

namespace Boxer.Abstractions;

/// <summary>The values given for a target's declared options, with declared defaults applied.</summary>
public sealed class TargetOptionValues
{
    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Creates the values from text, keyed by option name.</summary>
    /// <param name="values">The values given.</param>
    public TargetOptionValues(IReadOnlyDictionary<string, string> values) =>
        _values = new SortedDictionary<string, string>(values.ToDictionary(), StringComparer.Ordinal);

    /// <summary>No values at all.</summary>
    public static TargetOptionValues Empty { get; } = new(new Dictionary<string, string>());

    /// <summary>Every value given, by option name, in ordinal order.</summary>
    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>True if a value was given (or defaulted) for <paramref name="name"/>.</summary>
    /// <param name="name">The option's name.</param>
    /// <returns>Whether it has a value.</returns>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The text value of an option, or <paramref name="fallback"/>.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="fallback">What to return when there is no value.</param>
    /// <returns>The value or the fallback.</returns>
    public string? GetString(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>The value of a flag: true for <c>true</c>, <c>yes</c>, <c>1</c> or <c>on</c>.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="fallback">What to return when there is no value.</param>
    /// <returns>The flag's value.</returns>
    public bool GetBool(string name, bool fallback = false) =>
        _values.TryGetValue(name, out var v)
            ? v.Trim().ToLowerInvariant() is "true" or "yes" or "1" or "on"
            : fallback;

    /// <summary>The value of a whole-number option.</summary>
    /// <param name="name">The option's name.</param>
    /// <param name="fallback">What to return when there is no value.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">The value is not a whole number.</exception>
    public long GetInt64(string name, long fallback = 0) =>
        _values.TryGetValue(name, out var v)
            ? long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new FormatException($"--{name}: '{v}' is not a whole number")
            : fallback;
}
