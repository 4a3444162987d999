using System.Text;
using Boxer.Abstractions;

namespace Boxer.Core.Stage;

/// <summary>Fills <see cref="StageInfo"/> from an imported tree: architecture, init system, os-release.</summary>
internal static class StageDetector
{
    private static readonly string[] OsReleasePaths = ["etc/os-release", "usr/lib/os-release"];

    /// <summary>os-release is a few hundred bytes; a hostile one may be gigabytes (more than an array holds).</summary>
    internal const int MaxOsReleaseBytes = 64 << 10;

    public static StageInfo Detect(IReadOnlyRootFs tree, StageSource source)
    {
        var (arch, archSource) = ArchitectureDetector.Detect(tree);
        return new StageInfo
        {
            SourcePath = source.Path,
            SourceSha256 = source.Sha256,
            Compression = source.Compression,
            Architecture = arch,
            ArchitectureSource = archSource,
            InitSystem = InitSystemDetector.Detect(tree),
            OsRelease = ReadOsRelease(tree),
        };
    }

    private static IReadOnlyDictionary<string, string> ReadOsRelease(IReadOnlyRootFs tree)
    {
        foreach (var path in OsReleasePaths)
        {
            if (TreeSymlinkResolver.Resolve(tree, path) is { HasContent: true } file)
            {
                return OsReleaseParser.Parse(ReadHead(tree, file.Path));
            }
        }
        return new Dictionary<string, string>();
    }

    private static string ReadHead(IReadOnlyRootFs tree, string path)
    {
        using var stream = tree.OpenRead(path);
        var head = new byte[MaxOsReleaseBytes];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(head, 0, n);
    }
}
