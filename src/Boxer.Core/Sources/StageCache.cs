using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Boxer.Abstractions;

namespace Boxer.Core.Sources;

/// <summary>
/// Verified tarballs by digest, and what each name last resolved to:
/// <code>
/// stages/
///   sha512/&lt;hex&gt;/&lt;name&gt;     a tarball whose SHA-512 is &lt;hex&gt;; only ever moved here after its digest matched
///   refs/&lt;key&gt;.json          a gentoo: name or URL -> the provenance of the tarball it resolved to
///   partial/&lt;key&gt;-&lt;name&gt;.part  an unfinished download, resumed by the next run, never taken for a stage
/// </code>
/// </summary>
internal sealed class StageCache(string root)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Root { get; } = root;

    /// <summary>The cached tarball with this digest, or null.</summary>
    public string? Find(string sha512, string name)
    {
        string path = Path.Combine(Root, "sha512", sha512, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Where the download of <paramref name="url"/> goes until its digest matched.</summary>
    public string PartFor(Uri url, string name)
    {
        string directory = Path.Combine(Root, "partial");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{Key(url.AbsoluteUri)}-{name}.part");
    }

    /// <summary>Moves a verified download into place (read-only) and returns its path.</summary>
    public string Store(string part, string sha512, string name)
    {
        string directory = Path.Combine(Root, "sha512", sha512);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        File.Move(part, path, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return path;
    }

    /// <summary>What <paramref name="reference"/> resolved to last time, or null.</summary>
    public StageProvenance? ReadRef(string reference)
    {
        string path = RefPath(reference);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<StageProvenance>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            // A damaged record only costs a fresh resolution.
            return null;
        }
    }

    /// <summary>Records what <paramref name="reference"/> resolved to (written aside, then renamed: never half a record).</summary>
    public void WriteRef(string reference, StageProvenance provenance)
    {
        string path = RefPath(reference);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(provenance, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private string RefPath(string reference) => Path.Combine(Root, "refs", Key(reference) + ".json");

    private static string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
