using System.Net;
using System.Net.Http.Headers;
using Boxer.Core.Import;

namespace Boxer.Core.Sources;

/// <summary>
/// HTTP for stage sources: small files read whole, tarballs streamed into a <c>.part</c> file and resumed with
/// <c>Range</c> after an interruption. Transient failures (timeouts, resets, 5xx, short bodies) are retried with
/// a doubling delay; every final failure is one <see cref="StageException"/> line that names the URL.
/// </summary>
internal sealed partial class HttpFetcher : IDisposable
{
    /// <summary>Sidecars and latest-*.txt are small; anything bigger is not one.</summary>
    private const int SmallFileLimit = 4 << 20;

    private readonly HttpClient _client;
    private readonly SourceOptions _options;

    public HttpFetcher(SourceOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 10,
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("boxer", typeof(HttpFetcher).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>Reads a small file; null when <paramref name="optional"/> and the server says it does not exist.</summary>
    public Task<byte[]?> GetBytesAsync(Uri url, bool optional, CancellationToken cancellationToken) =>
        RetryAsync(url, async () =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            using var response = await SendAsync(url, null, timeout.Token, cancellationToken).ConfigureAwait(false);
            if (optional && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden)
            {
                return null;
            }
            Check(url, response);
            if (response.Content.Headers.ContentLength > SmallFileLimit)
            {
                throw new StageException($"{url}: {response.Content.Headers.ContentLength} bytes, too big for a {Path.GetFileName(url.AbsolutePath)}");
            }
            try
            {
                return await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (IsBodyFailure(e, cancellationToken))
            {
                throw Transient(url, e);
            }
        }, cancellationToken);

    /// <summary>Text of a small file (UTF-8), or null as <see cref="GetBytesAsync"/>.</summary>
    public async Task<string?> GetTextAsync(Uri url, bool optional, CancellationToken cancellationToken) =>
        await GetBytesAsync(url, optional, cancellationToken).ConfigureAwait(false) is { } bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;

    public void Dispose() => _client.Dispose();

    private async Task<HttpResponseMessage> SendAsync(Uri url, long? from, CancellationToken timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (from is > 0)
        {
            request.Headers.Range = new RangeHeaderValue(from, null);
        }
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            throw new StageException($"{url}: TLS error: {Innermost(e)}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw Transient(url, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientFetchException($"{url}: timed out after {_options.Timeout.TotalSeconds:0.#} s", e);
        }
    }

    /// <summary>A final status is refused at once; a 5xx, 408 or 429 may pass on a later attempt.</summary>
    private static void Check(Uri url, HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        string text = $"{url}: HTTP {status} {response.ReasonPhrase}".TrimEnd();
        if (status is >= 300 and < 400)
        {
            throw new StageException($"{url}: too many redirects (a redirect loop?); the last answer was HTTP {status}");
        }
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new TransientFetchException(text);
        }
        if (status >= 400)
        {
            throw new StageException(text);
        }
    }

    private async Task<T> RetryAsync<T>(Uri url, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (int tries = 1; ; tries++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (TransientFetchException e) when (tries < _options.Attempts)
            {
                _ = e;
                await Task.Delay(_options.RetryDelay * Math.Pow(2, tries - 1), cancellationToken).ConfigureAwait(false);
            }
            catch (TransientFetchException e)
            {
                throw new StageException($"{e.Message} (tried {tries} times)", inner: e);
            }
        }
    }

    private bool IsBodyFailure(Exception e, CancellationToken cancellationToken) =>
        e is IOException and not CacheFullException or HttpRequestException
        || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private TransientFetchException Transient(Uri url, Exception e) => e switch
    {
        OperationCanceledException => new TransientFetchException($"{url}: timed out after {_options.Timeout.TotalSeconds:0.#} s", e),
        _ => new TransientFetchException($"{url}: {Innermost(e)}", e),
    };

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e.Message.ReplaceLineEndings(" ").Trim();
    }
}
