namespace Boxer.TestSupport;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "boxer-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    /// <summary>A path inside this directory (not created).</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public override string ToString() => Path;

    public void Dispose()
    {
        if (!Directory.Exists(Path))
        {
            return;
        }
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Extracted trees can hold read-only or immutable-looking entries: let rm try harder.
            ExternalTool.Run("rm", ["-rf", "--", Path]);
        }
    }
}
