using System.Diagnostics;

namespace Boxer.TestSupport;

/// <summary>
/// Runs the real programs tests compare against (tar, getfattr, unsquashfs, skopeo, docker ...).
/// A missing program fails the test loudly instead of letting it pass unseen.
/// </summary>
public static class ExternalTool
{
    // The one table of Debian packages the tests name: every package here is in .ci/debian-packages
    // (PackageListSpecs checks it), and helpers that need a tool go through Require so a missing one names it.
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["tar"] = "tar",
        ["xz"] = "xz-utils",
        ["gzip"] = "gzip",
        ["bzip2"] = "bzip2",
        ["zstd"] = "zstd",
        ["lzip"] = "lzip",
        ["getfattr"] = "attr",
        ["setfattr"] = "attr",
        ["getcap"] = "libcap2-bin",
        ["setcap"] = "libcap2-bin",
        ["busybox"] = "busybox-static",
        ["unsquashfs"] = "squashfs-tools",
        ["mksquashfs"] = "squashfs-tools",
        ["rdsquashfs"] = "squashfs-tools-ng",
        ["sqfsdiff"] = "squashfs-tools-ng",
        ["gensquashfs"] = "squashfs-tools-ng",
        ["tar2sqfs"] = "squashfs-tools-ng",
        ["sqfs2tar"] = "squashfs-tools-ng",
        ["siftool"] = "siftool",
        ["mkfs.ext3"] = "e2fsprogs",
        ["debugfs"] = "e2fsprogs",
        ["e2fsck"] = "e2fsprogs",
        ["gpg"] = "gnupg",
        ["gpgconf"] = "gnupg",
        ["openssl"] = "openssl",
        ["curl"] = "curl",
        ["skopeo"] = "skopeo",
        ["umoci"] = "umoci",
        ["docker"] = "docker.io",
        ["dockerd"] = "docker.io",
        ["docker-registry"] = "docker-registry",
        ["htpasswd"] = "apache2-utils",
        ["debootstrap"] = "debootstrap",
        ["tmux"] = "tmux",
        ["ssh-keygen"] = "openssh-client",
        ["ssh"] = "openssh-client",
        ["sshd"] = "openssh-server",
        ["gpg"] = "gnupg",
        ["gpgconf"] = "gnupg",
        ["lxc"] = "lxd",
        ["node"] = "nodejs",
        ["curl"] = "curl",
        ["lxd"] = "lxd",
        // Shared libraries the codec specs load (CodecLibrariesSpecs), not programs: Find does not look for them.
        ["libdeflate.so.0"] = "libdeflate0",
        ["libzstd.so.1"] = "libzstd1",
    };

    private static readonly string[] ExtraDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The Debian package of each program tests run that Debian 12's base system may lack.</summary>
    public static IReadOnlyDictionary<string, string> DebianPackages => PackageOf;

    /// <summary>The full path of <paramref name="tool"/>, or a <see cref="MissingToolException"/>.</summary>
    public static string Require(string tool) =>
        Find(tool) ?? throw new MissingToolException(
            tool, PackageOf.GetValueOrDefault(tool, "unknown: add it to ExternalTool's table and .ci/debian-packages"));

    /// <summary>The full path of <paramref name="tool"/> on PATH (and the sbin folders), or null.</summary>
    public static string? Find(string tool)
    {
        if (tool.Contains('/'))
        {
            return File.Exists(tool) ? tool : null;
        }
        var path = System.Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraDirs)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs <paramref name="tool"/> (which must exist) and waits for it; never throws on a non-zero exit.</summary>
    public static ToolResult Run(string tool, IEnumerable<string> args, ToolRunOptions? options = null) =>
        RunAsync(tool, args, options).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="tool"/> and throws with its stderr unless it exits 0.</summary>
    public static ToolResult RunChecked(string tool, params string[] args) => Run(tool, args).EnsureSuccess();

    public static async Task<ToolResult> RunAsync(
        string tool, IEnumerable<string> args, ToolRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ToolRunOptions();
        var info = StartInfo(Require(tool), args, options);
        var command = string.Join(' ', new[] { tool }.Concat(info.ArgumentList));
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start `{command}`");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await FeedStdinAsync(process, options.StandardInput);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"`{command}` did not finish within {options.Timeout}; killed it");
        }
        return new ToolResult(command, process.ExitCode, await stdout, await stderr);
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, ToolRunOptions options)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? "",
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        return info;
    }

    private static async Task FeedStdinAsync(Process process, string? input)
    {
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
    }
}
