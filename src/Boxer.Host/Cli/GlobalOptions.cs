using System.CommandLine;

namespace Boxer.Host.Cli;

/// <summary>The options every verb accepts.</summary>
internal static class GlobalOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show detail: plugin loading, the decoder used, stack traces of errors",
        Recursive = true,
    };

    public static Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing but errors on stderr",
        Recursive = true,
    };

    /// <summary>
    /// Whether <c>--verbose</c> is on, read from the raw arguments so that errors raised before or while
    /// parsing are reported in the same detail.
    /// </summary>
    public static bool IsVerbose(IEnumerable<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => a is "--verbose" or "-v");

    public static bool IsQuiet(IEnumerable<string> args) =>
        args.TakeWhile(a => a != "--").Any(a => a is "--quiet" or "-q");

    /// <summary>
    /// Whether stdout is a JSON event stream (<c>--json</c> on a build, not <c>--plan</c>), read from the raw
    /// arguments so that a failure before or while parsing still ends the stream with its result object.
    /// </summary>
    public static bool IsJsonEvents(IEnumerable<string> args)
    {
        var before = args.TakeWhile(a => a != "--").ToList();
        return before.Contains("--json") && !before.Contains("--plan");
    }
}
