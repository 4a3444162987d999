namespace Boxer.Formats.Tests.Tar.Support;

/// <summary>A scratch directory removed when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("boxer-test-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only entries: let rm try harder. What even rm cannot remove is left for ./test.sh's
            // leftover check to name, rather than failing the test that already ran.
            Boxer.TestSupport.ExternalTool.Run("rm", ["-rf", "--", Path]);
        }
    }
}
