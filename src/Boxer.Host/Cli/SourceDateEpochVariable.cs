using System.Globalization;
using Boxer.Abstractions;
using Boxer.Core.Pipeline;

namespace Boxer.Host.Cli;

/// <summary>
/// Reads <c>SOURCE_DATE_EPOCH</c> (reproducible-builds.org): a whole number of seconds since 1970 UTC.
/// Unset or empty means "not reproducible"; anything else that is not a number in 0 .. 2^32-1 is a usage error.
/// </summary>
internal static class SourceDateEpochVariable
{
    public const string Name = "SOURCE_DATE_EPOCH";

    /// <summary>squashfs keeps times as unsigned 32-bit seconds; a later time would wrap there silently.</summary>
    private const long Latest = uint.MaxValue;

    public static UnixTime? Read() => Parse(Environment.GetEnvironmentVariable(Name));

    public static UnixTime? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (!text.All(char.IsAsciiDigit) || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new UsageException($"{Name}: '{text}' is not a whole number of seconds since 1970-01-01 UTC");
        }
        if (seconds > Latest)
        {
            throw new UsageException(
                $"{Name}: {text} is after {DateTimeOffset.FromUnixTimeSeconds(Latest):yyyy-MM-dd HH:mm:ss} UTC, the last second squashfs (sif, lxd) can store");
        }
        return new UnixTime(seconds);
    }
}
