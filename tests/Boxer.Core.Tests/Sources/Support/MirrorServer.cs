using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Boxer.Core.Tests.Sources.Support;

/// <summary>
/// A real HTTP server (Kestrel, in the test process, on 127.0.0.1 only) serving files from memory, with the
/// faults the specs need: a body cut short, a status, a redirect loop, silence. Counts every request and the
/// body bytes it sent, per path, and honours <c>Range: bytes=N-</c> as mirrors do.
/// </summary>
public sealed class MirrorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task<bool>>> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? Range)> _requests = new();
    private long _bodyBytes;

    private MirrorServer(WebApplication app) => _app = app;

    /// <summary>The base URL, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Every request so far: its path and its Range header.</summary>
    public IReadOnlyList<(string Path, string? Range)> Requests => [.. _requests];

    /// <summary>The body bytes sent so far, all paths together.</summary>
    public long BodyBytes => Interlocked.Read(ref _bodyBytes);

    /// <summary>Starts a server; with <paramref name="certificate"/> it speaks only HTTPS.</summary>
    public static async Task<MirrorServer> StartAsync(X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new MirrorServer(app);
        app.Run(server.ServeAsync);
        await app.StartAsync();
        server.Url = app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="path"/> (starting with '/').</summary>
    public void Put(string path, byte[] bytes) => _files[path] = bytes;

    public void Put(string path, string text) => Put(path, System.Text.Encoding.UTF8.GetBytes(text));

    public byte[] Get(string path) => _files[path];

    public void Remove(string path) => _files.TryRemove(path, out _);

    /// <summary>
    /// Runs <paramref name="fault"/> for requests of <paramref name="path"/>; it returns true when it answered,
    /// false to serve the file normally.
    /// </summary>
    public void Fault(string path, Func<HttpContext, Task<bool>> fault) => _faults[path] = fault;

    public void Heal(string path) => _faults.TryRemove(path, out _);

    public void HealAll() => _faults.Clear();

    /// <summary>The next <paramref name="times"/> full requests of the path send only <paramref name="bytes"/> body bytes, then drop the connection.</summary>
    public void CutAfter(string path, long bytes, int times = int.MaxValue)
    {
        int left = times;
        Fault(path, async context =>
        {
            if (Interlocked.Decrement(ref left) < 0)
            {
                return false;
            }
            var (body, start) = Slice(path, context);
            Headers(context, path, body, start);
            int send = (int)Math.Min(bytes, body.Length);
            await context.Response.Body.WriteAsync(body.AsMemory(0, send));
            Interlocked.Add(ref _bodyBytes, send);
            await context.Response.Body.FlushAsync();
            context.Abort();
            return true;
        });
    }

    public void Requests_Clear()
    {
        _requests.Clear();
        Interlocked.Exchange(ref _bodyBytes, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        _requests.Enqueue((path, context.Request.Headers.Range.ToString() is { Length: > 0 } r ? r : null));
        if (_faults.TryGetValue(path, out var fault) && await fault(context))
        {
            return;
        }
        if (!_files.ContainsKey(path))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var (body, start) = Slice(path, context);
        Headers(context, path, body, start);
        await context.Response.Body.WriteAsync(body);
        Interlocked.Add(ref _bodyBytes, body.Length);
    }

    private void Headers(HttpContext context, string path, byte[] body, long start)
    {
        if (start > 0)
        {
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{start + body.Length - 1}/{_files[path].Length}";
        }
        context.Response.ContentLength = body.Length;
    }

    /// <summary>The bytes a request asks for: from its <c>Range: bytes=N-</c> start, else all.</summary>
    private (byte[] Body, long Start) Slice(string path, HttpContext context)
    {
        var file = _files[path];
        string range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
            && long.TryParse(range["bytes=".Length..^1], out long start) && start < file.Length)
        {
            return (file[(int)start..], start);
        }
        return (file, 0);
    }
}
