using System.Text.RegularExpressions;
using Boxer.TestSupport;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>
/// Two squashfs images compared by squashfs-tools-ng, more strictly than sqfsdiff alone: Debian 12's sqfsdiff
/// 1.2 ignores xattrs and exits 0 when only a symlink target differs. So besides sqfsdiff (contents, times)
/// the <c>rdsquashfs -d</c> listings (type, path, mode, owner, link target, device numbers) must be equal, and
/// <c>rdsquashfs -x</c> must print the same xattrs for every path that has xattrs in the source tarball.
/// </summary>
public static partial class SquashfsComparison
{
    /// <summary>sqfsdiff's report, or "" when it finds the images equal (exit 0).</summary>
    public static string Sqfsdiff(string a, string b)
    {
        var diff = ExternalTool.Run("sqfsdiff", ["-T", "-a", a, "-b", b]);
        return diff.ExitCode == 0 ? "" : $"sqfsdiff exited {diff.ExitCode}:\n{diff.Stdout}{diff.Stderr}";
    }

    /// <summary>The paths that carry xattrs in <paramref name="sourceTar"/>, as GNU tar lists it (<c>/etc/fstab</c>).</summary>
    public static IReadOnlyList<string> PathsWithXattrs(string sourceTar)
    {
        var paths = GnuTarListing.ReadWithoutValues(sourceTar)
            .Where(entry => entry.Xattrs.Count > 0)
            .Select(entry => "/" + entry.Path.TrimStart('.').TrimStart('/'))
            .ToList();
        Assert.True(paths.Count > 0, $"{sourceTar} has no xattrs: the xattr comparison would prove nothing");
        return paths;
    }

    /// <summary>Fails unless <paramref name="b"/>'s listing and xattrs equal <paramref name="a"/>'s (see the class).</summary>
    public static void AssertSameEntriesAndXattrs(string a, string b, IReadOnlyList<string> pathsWithXattrs)
    {
        var listedA = Describe(a);
        var listedB = Describe(b);
        Assert.True(listedA.Count > 0, $"rdsquashfs -d listed nothing in {a}");
        Assert.True(
            listedA.SequenceEqual(listedB, StringComparer.Ordinal),
            "rdsquashfs -d listings differ:\n" + string.Join('\n', listedA.Except(listedB).Select(l => "- " + l).Concat(listedB.Except(listedA).Select(l => "+ " + l))));
        foreach (string path in pathsWithXattrs)
        {
            string xattrsA = Xattrs(a, path);
            Assert.True(xattrsA.Length > 0, $"rdsquashfs -x {path} printed no xattr for {a}");
            Assert.Equal($"{path}:\n{xattrsA}", $"{path}:\n{Xattrs(b, path)}");
        }
    }

    /// <summary><c>rdsquashfs -d</c>'s lines, sorted (its order is the image's directory order).</summary>
    public static IReadOnlyList<string> Describe(string image) =>
        ExternalTool.Run("rdsquashfs", ["-d", image]).EnsureSuccess().Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary><c>rdsquashfs -x</c>'s <c>name=value</c> records in name order (a value may hold newlines).</summary>
    private static string Xattrs(string image, string path) =>
        string.Concat(XattrStart().Split(ExternalTool.Run("rdsquashfs", ["-x", path, image]).EnsureSuccess().Stdout)
            .Where(record => record.Length > 0)
            .Order(StringComparer.Ordinal));

    [GeneratedRegex(@"(?m)^(?=(?:user|trusted|security|system)\.)")]
    private static partial Regex XattrStart();
}
