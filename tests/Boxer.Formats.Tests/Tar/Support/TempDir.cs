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
        catch (IOException)
        {
            // A mount or a busy file left behind must not fail the test that already ran.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
