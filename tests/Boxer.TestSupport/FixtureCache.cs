using System.Security.Cryptography;

namespace Boxer.TestSupport;

/// <summary>
/// Runs a fixture generator once per version of its inputs: the output lives in <c>CACHE/NAME-HASH/</c>, HASH
/// being the SHA-256 over the script and every file under <paramref name="extraInputs"/> (names and bytes),
/// so editing any of them regenerates. A lock file (FileShare.None, i.e. flock) keeps
/// concurrent test processes from generating the same fixture twice; a marker file says "complete".
/// </summary>
internal sealed class FixtureCache(
    string cacheRoot, string name, string script, TimeSpan timeout, params string[] extraInputs)
{
    private const string CompleteMarker = ".complete";

    /// <summary>The directory holding the generated files, generating them first when needed.</summary>
    /// <param name="generatorArgs">The script's arguments, given the output directory.</param>
    public string Directory(Func<string, string[]> generatorArgs)
    {
        var final = Path.Combine(cacheRoot, $"{name}-{ScriptHash()}");
        if (File.Exists(Path.Combine(final, CompleteMarker)))
        {
            return final;
        }
        System.IO.Directory.CreateDirectory(cacheRoot);
        using var _ = AcquireLock(final + ".lock");
        if (!File.Exists(Path.Combine(final, CompleteMarker)))
        {
            Generate(final, generatorArgs);
        }
        return final;
    }

    private string ScriptHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = extraInputs
            .SelectMany(dir => System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .Prepend(script);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(RepoPaths.Root, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private void Generate(string final, Func<string, string[]> generatorArgs)
    {
        var staging = final + ".staging";
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }
        System.IO.Directory.CreateDirectory(staging);
        var result = ExternalTool.Run("bash", [script, .. generatorArgs(staging)], new ToolRunOptions { Timeout = timeout });
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"fixture generator {Path.GetFileName(script)} failed (exit {result.ExitCode}):\n{result.Stderr.Trim()}");
        }
        File.WriteAllText(Path.Combine(staging, CompleteMarker), script + "\n");
        if (System.IO.Directory.Exists(final))
        {
            System.IO.Directory.Delete(final, recursive: true);
        }
        System.IO.Directory.Move(staging, final);
    }

    private FileStream AcquireLock(string lockPath)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
