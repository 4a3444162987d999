using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Host.Cli;

/// <summary>
/// <c>--json</c>: every build event as one JSON object on its own line (JSON Lines) on stdout, ending with a
/// <c>result</c> object, so that CI systems and other tools can follow a build. The schema is in the README
/// ("Machine-readable output"); field names are camelCase, absent values are left out, times are UTC ISO 8601.
/// Events may come from worker threads, so each line is written whole under a lock. The result is the last
/// line: there is one writer per output (<see cref="For"/>), so the build's events and the failure result
/// Program writes share it, and whatever is reported after the result is dropped.
/// </summary>
internal sealed class JsonEventWriter : IProgress<BuildEvent>
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Read by tools, never embedded in HTML: keep '+' and quotes in paths and messages readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ConditionalWeakTable<TextWriter, JsonEventWriter> Writers = [];

    private readonly Lock _lock = new();
    private readonly TextWriter _output;
    private bool _ended;

    private JsonEventWriter(TextWriter output) => _output = output;

    /// <summary>The one writer for <paramref name="output"/> (stdout), created on first use.</summary>
    public static JsonEventWriter For(TextWriter output) => Writers.GetValue(output, o => new JsonEventWriter(o));

    public void Report(BuildEvent value)
    {
        switch (value)
        {
            case PhaseStarted started:
                Write("phaseStarted", value.Time, w => { w.WriteString("phase", started.Phase); WriteNumber(w, "totalBytes", started.TotalBytes); });
                break;
            case PhaseProgress step:
                Write("phaseProgress", value.Time, w =>
                {
                    w.WriteString("phase", step.Phase);
                    w.WriteNumber("doneBytes", step.DoneBytes);
                    WriteNumber(w, "totalBytes", step.TotalBytes);
                });
                break;
            case PhaseCompleted done:
                Write("phaseCompleted", value.Time, w => { w.WriteString("phase", done.Phase); w.WriteNumber("elapsedSeconds", done.Elapsed.TotalSeconds); });
                break;
            case LogMessage log:
                Write("log", value.Time, w =>
                {
                    w.WriteString("level", log.Level.ToString().ToLowerInvariant());
                    w.WriteString("message", log.Message);
                    WriteString(w, "source", log.Source);
                });
                break;
            case ArtifactProduced produced:
                Write("artifact", value.Time, w => WriteArtifact(w, produced.Artifact));
                break;
        }
    }

    /// <summary>A build's <c>--test</c> report: the fields of <c>boxer test --json</c> (docs/cli.md).</summary>
    public void WriteTest(Boxer.Core.Testing.ImageTestReport report) =>
        Write("test", DateTimeOffset.UtcNow, w => TestReportWriter.WriteFields(w, report, TestReportWriter.Code(report)));

    /// <summary>
    /// The closing object: the exit code, the one-line error when it failed, what was made, (<c>boxer build</c>,
    /// when some targets failed and others did not) <c>failed</c>: each failed target with its one-line error, and
    /// <c>stage</c>: which stage it was built from.
    /// </summary>
    public void WriteResult(
        int exitCode, string? error, IReadOnlyList<Artifact> artifacts, IReadOnlyList<(string Target, string Message)>? failed = null,
        StageProvenance? stage = null) =>
        Write("result", DateTimeOffset.UtcNow, end: true, w =>
        {
            w.WriteNumber("exitCode", exitCode);
            WriteString(w, "error", error);
            w.WriteStartArray("artifacts");
            foreach (var artifact in artifacts)
            {
                w.WriteStartObject();
                WriteArtifact(w, artifact);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (failed is { Count: > 0 })
            {
                w.WriteStartArray("failed");
                foreach (var (target, message) in failed)
                {
                    w.WriteStartObject();
                    w.WriteString("target", target);
                    w.WriteString("error", message);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (stage is not null)
            {
                // Keyed as the labels are (io.boxer.stage3.*), so a tool reads the same names everywhere.
                w.WriteStartObject("stage");
                foreach (var (key, value) in stage.ToLabels())
                {
                    w.WriteString(key, value);
                }
                w.WriteEndObject();
            }
        });

    private static void WriteArtifact(Utf8JsonWriter w, Artifact artifact)
    {
        w.WriteString("target", artifact.Target);
        w.WriteString("kind", ArtifactPrinter.KindName(artifact.Kind));
        // A file artifact's location is a path; an image's is a reference: name the field after what it is.
        w.WriteString(artifact.Kind == ArtifactKind.File ? "path" : "reference", artifact.Location);
        WriteNumber(w, "size", artifact.Size);
        WriteString(w, "digest", artifact.Digest);
        w.WriteStartArray("usageHints");
        artifact.UsageHints.ToList().ForEach(w.WriteStringValue);
        w.WriteEndArray();
    }

    private void Write(string type, DateTimeOffset time, Action<Utf8JsonWriter> body) => Write(type, time, end: false, body);

    private void Write(string type, DateTimeOffset time, bool end, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("time", time.UtcDateTime);
            body(w);
            w.WriteEndObject();
        }
        var line = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        lock (_lock)
        {
            // A reader stops at the result; an event reported late (a writer that posts it) must not follow.
            if (_ended)
            {
                return;
            }
            _ended = end;
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
