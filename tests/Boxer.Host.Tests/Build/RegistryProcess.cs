using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Build;

/// <summary>
/// Debian's docker-registry on 127.0.0.1 and a free port, storing in a temp dir, for the host's push specs
/// (the Docker target's own specs have theirs, built on the Formats tests' helpers this project does not use).
/// </summary>
public sealed class RegistryProcess : IDisposable
{
    private readonly TempDir _dir = new("boxer-registry-");
    private readonly Process _process;

    public RegistryProcess()
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        string storage = Directory.CreateDirectory(_dir.Combine("storage")).FullName;
        File.WriteAllText(_dir.Combine("config.yml"),
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {storage}\nhttp:\n  addr: 127.0.0.1:{Port}\n");
        var info = new ProcessStartInfo(ExternalTool.Require("docker-registry")) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(_dir.Combine("config.yml"));
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilListening();
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _dir.Dispose();
    }

    private void WaitUntilListening()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        Dispose();
        throw new InvalidOperationException($"docker-registry did not listen on {Host}");
    }
}
