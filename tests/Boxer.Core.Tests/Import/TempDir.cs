namespace Boxer.Core.Tests.Import;

/// <summary>A temp directory removed when disposed.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "boxer-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
