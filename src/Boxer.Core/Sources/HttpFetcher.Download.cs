using System.Net;
using Boxer.Abstractions;
using Boxer.Core.Import;
using Boxer.Formats.Events;

namespace Boxer.Core.Sources;

internal sealed partial class HttpFetcher
{
    private const int ErrorDiskFull = 28;
    private const int ErrorQuota = 122;

    /// <summary>
    /// Downloads <paramref name="url"/> into <paramref name="part"/>, continuing what an earlier attempt or run
    /// left there with a <c>Range</c> request. The file is complete when this returns, and only a digest check
    /// may turn it into a stage. Reports the phase <c>stage:fetch</c> (bytes, so the host shows rate and ETA).
    /// </summary>
    /// <param name="url">The tarball.</param>
    /// <param name="part">The partial file, kept on failure so a later run resumes it.</param>
    /// <param name="expectedSize">The size the mirror announced (latest-*.txt), when known.</param>
    /// <param name="progress">Receives the phase.</param>
    /// <param name="cancellationToken">Cancels the download (the part stays for next time).</param>
    /// <returns>Whether the download continued earlier bytes (then a digest mismatch deserves one fresh try).</returns>
    public async Task<bool> DownloadAsync(
        Uri url, string part, long? expectedSize, IProgress<BuildEvent> progress, CancellationToken cancellationToken)
    {
        PhaseReporter? phase = null;
        bool resumed = false;
        await RetryAsync(url, async () =>
        {
            long have = File.Exists(part) ? new FileInfo(part).Length : 0;
            if (expectedSize is { } size && have > size)
            {
                File.Delete(part);
                have = 0;
            }
            resumed |= have > 0;
            if (expectedSize is { } known && have == known)
            {
                phase ??= PhaseReporter.Start(progress, "stage:fetch", known);
                return true;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await SendAsync(url, have, timeout.Token, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                // What we hold does not fit what the server has now: start again.
                File.Delete(part);
                throw new TransientFetchException($"{url}: the server refused to resume at byte {have}");
            }
            Check(url, response);
            long start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? -1 : 0;
            if (start != have && start != 0)
            {
                File.Delete(part);
                throw new TransientFetchException($"{url}: the server resumed at byte {start}, not {have}");
            }
            long? total = response.Content.Headers.ContentLength is { } length ? start + length : expectedSize;
            if (expectedSize is { } announced && total is { } served && served != announced)
            {
                throw new StageException($"{url}: the server sends {served} bytes, the mirror's index announced {announced}");
            }
            phase ??= PhaseReporter.Start(progress, "stage:fetch", total);
            await CopyBodyAsync(url, response, part, start, total, phase, timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        phase?.Complete();
        return resumed;
    }

    private async Task CopyBodyAsync(
        Uri url, HttpResponseMessage response, string part, long start, long? total, PhaseReporter phase,
        CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        var file = OpenPart(part, start);
        await using (file.ConfigureAwait(false))
        {
            long done = start;
            try
            {
                var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while (true)
                    {
                        // The timeout is for silence: each read gets the whole of it.
                        timeout.CancelAfter(_options.Timeout);
                        read = await body.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }
                        await WritePartAsync(file, buffer.AsMemory(0, read), part, cancellationToken).ConfigureAwait(false);
                        done += read;
                        // A restarted download would go back; the phase's running total does not.
                        phase.Report(Math.Max(done, phase.DoneBytes));
                    }
                }
            }
            catch (Exception e) when (IsBodyFailure(e, cancellationToken) && e is not OperationCanceledException)
            {
                string of = total is { } size ? $" of {size}" : "";
                throw new TransientFetchException($"{url}: the body ended after {done}{of} bytes (truncated; {Innermost(e)})", e);
            }
            catch (Exception e) when (IsBodyFailure(e, cancellationToken))
            {
                throw Transient(url, e);
            }
            if (total is { } expected && done < expected)
            {
                throw new TransientFetchException($"{url}: the body ended after {done} of {expected} bytes (truncated)");
            }
        }
    }

    private static FileStream OpenPart(string part, long start)
    {
        try
        {
            // Exclusive: a second boxer downloading the same file waits for none and fails clearly instead of mixing bytes.
            var file = new FileStream(part, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
            file.SetLength(start);
            file.Position = start;
            return file;
        }
        catch (IOException e) when (Errno(e) is ErrorDiskFull or ErrorQuota)
        {
            throw new CacheFullException($"no space left in the stage cache for {part}", e);
        }
        catch (IOException e)
        {
            throw new StageException($"{part}: cannot write the download ({e.Message}); is another boxer downloading it?", inner: e);
        }
    }

    private static async Task WritePartAsync(FileStream file, ReadOnlyMemory<byte> bytes, string part, CancellationToken cancellationToken)
    {
        try
        {
            await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (Errno(e) is ErrorDiskFull or ErrorQuota)
        {
            throw new CacheFullException($"no space left in the stage cache while writing {part}", e);
        }
    }

    /// <summary>.NET puts errno in the low 16 bits of an <see cref="IOException"/>'s HResult on Unix.</summary>
    private static int Errno(IOException error) => error.HResult & 0xFFFF;
}
