using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.Tui;

/// <summary>
/// A private sshd (Debian's openssh-server) on 127.0.0.1 and a free high port, with a host key and a user
/// key made for the test in a temp dir; key login only, no PAM. Dispose stops it and removes the keys; so
/// does a setup that fails half-way, before the error reaches the test.
/// </summary>
internal sealed class SshServer : IDisposable
{
    private readonly TempDir _directory = new("boxer-sshd-");
    private Process? _sshd;

    public SshServer()
    {
        try
        {
            Port = FreePort();
            KeyFile = _directory.Combine("user_key");
            Start();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public int Port { get; }

    public string KeyFile { get; }

    public static string User => Environment.UserName;

    /// <summary>An <c>ssh -tt</c> command line that runs <paramref name="remoteCommand"/> on this server.</summary>
    public string SshCommand(string remoteCommand) =>
        $"ssh -tt -p {Port} -i {KeyFile} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes " +
        $"-o LogLevel=ERROR {User}@127.0.0.1 '{remoteCommand.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public void Dispose()
    {
        if (_sshd is not null)
        {
            if (!_sshd.HasExited)
            {
                _sshd.Kill(entireProcessTree: true);
                _sshd.WaitForExit();
            }
            _sshd.Dispose();
        }
        _directory.Dispose();
    }

    private void Start()
    {
        ExternalTool.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", _directory.Combine("host_key"));
        ExternalTool.RunChecked("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", KeyFile);
        File.Copy(KeyFile + ".pub", _directory.Combine("authorized_keys"));
        File.WriteAllText(_directory.Combine("sshd_config"), Config());
        // Privilege separation needs this directory; a fresh container may not have it.
        Directory.CreateDirectory("/run/sshd");
        _sshd = Process.Start(new ProcessStartInfo(ExternalTool.Require("sshd"), ["-D", "-e", "-f", _directory.Combine("sshd_config")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("sshd did not start");
        WaitUntilListening(_sshd);
    }

    private string Config() => string.Join('\n',
        $"Port {Port}",
        "ListenAddress 127.0.0.1",
        $"HostKey {_directory.Combine("host_key")}",
        $"PidFile {_directory.Combine("sshd.pid")}",
        $"AuthorizedKeysFile {_directory.Combine("authorized_keys")}",
        "PermitRootLogin prohibit-password",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "UsePAM no",
        "StrictModes no",
        "AcceptEnv LANG LC_*",
        "");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening(Process sshd)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (sshd.HasExited)
            {
                throw new InvalidOperationException($"sshd exited {sshd.ExitCode}: {sshd.StandardError.ReadToEnd()}");
            }
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
        throw new TimeoutException($"sshd is not listening on port {Port}");
    }
}
