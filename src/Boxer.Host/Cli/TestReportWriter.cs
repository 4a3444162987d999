using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boxer.Core.Testing;

namespace Boxer.Host.Cli;

/// <summary>
/// Prints a <see cref="ImageTestReport"/>: a table for people, or with <c>--json</c> one JSON document whose
/// schema docs/cli.md ("boxer test") describes. Returns the exit code: 0 passed, 5 failed.
/// </summary>
internal static class TestReportWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static int Code(ImageTestReport report) => report.Passed ? ExitCode.Success : ExitCode.ImageCheckFailed;

    public static int Write(ImageTestReport report, bool json, TextWriter output)
    {
        int code = Code(report);
        if (json)
        {
            WriteJson(report, code, output);
        }
        else
        {
            WriteTable(report, output);
        }
        return code;
    }

    public static void WriteTable(ImageTestReport report, TextWriter output)
    {
        output.WriteLine($"{(report.Passed ? "PASSED" : "FAILED")} {report.Reference}");
        output.WriteLine($"  booted with: {report.Runtime}");
        output.WriteLine(report.RunlevelReached
            ? $"  {report.Runlevel} runlevel reached after {Seconds(report.BootSeconds)}"
            : $"  {report.Runlevel} runlevel NOT reached after {Seconds(report.BootSeconds)}");
        int width = Math.Max("SERVICE".Length, report.Services.Select(s => s.Name.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"  {"SERVICE".PadRight(width)}  STATE");
        foreach (var service in report.Services)
        {
            output.WriteLine($"  {service.Name.PadRight(width)}  {service.State}");
        }
        string exit = report.Stop.ExitStatus is { } status ? status.ToString(CultureInfo.InvariantCulture) : "unknown";
        output.WriteLine($"  stopped in {Seconds(report.StopSeconds)}, exit status {exit}{(report.Stop.Killed ? ", KILLED" : "")}");
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"  problem: {problem}");
        }
    }

    private static void WriteJson(ImageTestReport report, int code, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            WriteFields(w, report, code);
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The report's fields, for <c>boxer test --json</c> and the <c>test</c> event of a build's <c>--test --json</c>.</summary>
    public static void WriteFields(Utf8JsonWriter w, ImageTestReport report, int code)
    {
        w.WriteString("reference", report.Reference);
        w.WriteBoolean("passed", report.Passed);
        w.WriteNumber("exitCode", code);
        w.WriteString("runtime", report.Runtime);
        w.WriteStartObject("boot");
        w.WriteString("runlevel", report.Runlevel);
        w.WriteBoolean("reached", report.RunlevelReached);
        w.WriteNumber("seconds", Math.Round(report.BootSeconds, 3));
        w.WriteEndObject();
        w.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            w.WriteStartObject();
            w.WriteString("name", service.Name);
            w.WriteString("state", service.State);
            w.WriteString("runlevel", service.Section);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("stop");
        w.WriteNumber("seconds", Math.Round(report.StopSeconds, 3));
        if (report.Stop.ExitStatus is { } status)
        {
            w.WriteNumber("exitStatus", status);
        }
        w.WriteBoolean("killed", report.Stop.Killed);
        w.WriteEndObject();
        w.WriteStartArray("problems");
        report.Problems.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
    }

    private static string Seconds(double seconds) => seconds.ToString("0.0 's'", CultureInfo.InvariantCulture);
}
