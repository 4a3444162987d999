using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Boxer.Formats.Tests.Tar.Support;
using Boxer.Targets.Docker.Image;
using Boxer.Targets.Docker.Registry;
using Boxer.Targets.Docker.Tests.Support;

namespace Boxer.Targets.Docker.Tests;

/// <summary>
/// The Bearer token flow (what Docker Hub and most hosted registries use), against a small in-process
/// registry: Debian's docker-registry needs certificates and a token server for it.
/// </summary>
public sealed class RegistryTokenAuthSpecs : IDisposable
{
    private const string Token = "t0k3n";
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly int _port = LocalRegistry.FreePort();

    public RegistryTokenAuthSpecs()
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    [Fact]
    public async Task A_Bearer_challenge_gets_a_token_for_the_repository_scope_with_the_credentials()
    {
        using var dir = new TempDir();
        var image = await ImageAsync(dir);
        using var client = new RegistryClient(
            ImageReference.Parse($"127.0.0.1:{_port}/team/app:1"), new RegistryCredentials("me", "pw"), insecure: true);

        var result = await client.PushAsync(image, null, default);

        string basic = Convert.ToBase64String("me:pw"u8.ToArray());
        Assert.Contains($"GET /token?service=fake-registry&scope=repository%3Ateam%2Fapp%3Apull%2Cpush Basic {basic}", _requests);
        Assert.Contains($"HEAD /v2/team/app/blobs/{image.Layer.Descriptor.Digest} Bearer {Token}", _requests);
        Assert.Contains($"PUT /v2/team/app/manifests/1 Bearer {Token}", _requests);
        Assert.Equal(2, result.SkippedBlobs);
    }

    public void Dispose() => _listener.Close();

    private static async Task<ImageDocuments> ImageAsync(TempDir dir)
    {
        var tree = BusyboxTree.Create();
        var spec = ImageSpecs.FromBuild(BusyboxTree.Context(tree, new EventLog(), null), null);
        string path = dir.File("layer.gz");
        await using var file = File.Create(path);
        var layer = await LayerWriter.WriteGzipAsync(tree, spec.LayerOptions, file, path, null, default);
        return ImageDocuments.Create(spec, layer);
    }

    /// <summary>401 with a Bearer challenge without the token; every blob exists; manifests are accepted.</summary>
    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var request = context.Request;
            var response = context.Response;
            string auth = request.Headers["Authorization"] ?? "none";
            _requests.Enqueue($"{request.HttpMethod} {request.RawUrl} {auth}");
            if (request.Url!.AbsolutePath == "/token")
            {
                Reply(response, 200, """{"token":"t0k3n"}""");
            }
            else if (auth != $"Bearer {Token}")
            {
                response.AddHeader("WWW-Authenticate", $"Bearer realm=\"http://127.0.0.1:{_port}/token\",service=\"fake-registry\",scope=\"registry:catalog:*\"");
                Reply(response, 401, """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}""");
            }
            else
            {
                Reply(response, request.HttpMethod == "PUT" ? 201 : 200, "");
            }
        }
    }

    private static void Reply(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }
}
