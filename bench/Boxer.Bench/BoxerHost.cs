using System.Diagnostics;

namespace Boxer.Bench;

/// <summary>The Release host the benchmark runs; <c>./boxer --version</c> builds it when it is missing.</summary>
internal static class BoxerHost
{
    public static string Ensure(string root)
    {
        var dll = Path.Combine(root, "src", "Boxer.Host", "bin", "Release", "net10.0", "boxer.dll");
        if (File.Exists(dll))
        {
            return dll;
        }
        Console.WriteLine("building the Release host (./boxer --version) …");
        using var build = Process.Start(new ProcessStartInfo(Path.Combine(root, "boxer"), "--version") { WorkingDirectory = root })
            ?? throw new InvalidOperationException("cannot start ./boxer");
        build.WaitForExit();
        return build.ExitCode == 0 && File.Exists(dll) ? dll : throw new InvalidOperationException($"./boxer --version exited {build.ExitCode}; no {dll}");
    }
}
