using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Boxer.Formats.Tests.Tar.Support;

namespace Boxer.Targets.Docker.Tests.Support;

/// <summary>
/// Debian's docker-registry (package docker-registry; htpasswd from apache2-utils) on 127.0.0.1 and a free
/// port, storing in a temp dir; with a user it requires htpasswd (bcrypt) Basic auth. A setup that fails
/// half-way stops the registry and removes the temp dir before the error reaches the test.
/// </summary>
public sealed class LocalRegistry : IDisposable
{
    private readonly TempDir _dir = new();
    private Process? _process;

    public LocalRegistry(string? user = null, string? password = null)
    {
        try
        {
            Start(user, password);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; private set; }

    public string Host => $"127.0.0.1:{Port}";

    public void Dispose()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
            _process.Dispose();
        }
        _dir.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start(string? user, string? password)
    {
        Tool.Require("docker-registry");
        Port = FreePort();
        string auth = "";
        if (user is not null)
        {
            Tool.Require("htpasswd");
            File.WriteAllText(_dir.File("htpasswd"), Tool.Run("htpasswd", "-Bbn", user, password!));
            auth = $"auth:\n  htpasswd:\n    realm: boxer-test\n    path: {_dir.File("htpasswd")}\n";
        }
        string storage = Directory.CreateDirectory(_dir.File("storage")).FullName;
        File.WriteAllText(_dir.File("config.yml"),
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {storage}\nhttp:\n  addr: 127.0.0.1:{Port}\n{auth}");
        var info = new ProcessStartInfo(Boxer.TestSupport.ExternalTool.Require("docker-registry")) { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(_dir.File("config.yml"));
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        WaitUntilListening(_process);
    }

    private void WaitUntilListening(Process process)
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
                Assert.False(process.HasExited, "docker-registry exited at start");
                Thread.Sleep(100);
            }
        }
        Assert.Fail($"docker-registry did not listen on {Host}");
    }
}
