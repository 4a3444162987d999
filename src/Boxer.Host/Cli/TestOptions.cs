using System.CommandLine;
using System.Globalization;
using Boxer.Core.Pipeline;
using Boxer.Core.Testing;

namespace Boxer.Host.Cli;

/// <summary><c>--timeout</c> and <c>--json</c> of <c>boxer test</c>; build verbs take <c>--test</c> and <c>--test-timeout</c>.</summary>
internal sealed class TestOptions
{
    public Option<string> Timeout { get; } = new("--timeout")
    {
        Description = $"Seconds the boot may take to reach the default runlevel [default: {ImageTestSettings.DefaultTimeout.TotalSeconds:0}]",
        HelpName = "SECONDS",
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the report as one JSON document (schema: docs/cli.md)" };

    public IEnumerable<Option> All => [Timeout, Json];

    /// <exception cref="UsageException">The timeout is not a whole number of seconds from 1 to 86400.</exception>
    public ImageTestSettings Read(ParseResult parse) =>
        new(ParseTimeout("--timeout", parse.GetValue(Timeout)), ImageTestSettings.NewInstanceName());

    public static TimeSpan ParseTimeout(string option, string? value)
    {
        if (value is null)
        {
            return ImageTestSettings.DefaultTimeout;
        }
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds is >= 1 and <= 86400
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{option} '{value}': expected whole seconds from 1 to 86400");
    }
}
