using System.Text;
using Boxer.TestSupport;

namespace Boxer.Core.Tests.Sources.Support;

/// <summary>
/// A Gentoo mirror tree on a <see cref="MirrorServer"/>, laid out as the real one: under
/// <c>releases/amd64/autobuilds/</c> a clear-signed <c>latest-stage3-amd64-openrc.txt</c>, and in
/// <c>20261130T170351Z/</c> the tarball (the basic fixture), its clear-signed <c>.DIGESTS</c> (BLAKE2B and SHA512
/// sections, from b2sum and sha512sum), its <c>.sha256</c> and its detached <c>.asc</c>, all signed by
/// <see cref="Key"/> with gpg.
/// </summary>
public sealed class GentooMirror
{
    public const string Timestamp = "20261130T170351Z";
    public const string Directory = "/releases/amd64/autobuilds";
    public const string TarballName = $"stage3-amd64-openrc-{Timestamp}.tar.xz";
    public const string LatestPath = $"{Directory}/latest-stage3-amd64-openrc.txt";
    public const string TarballPath = $"{Directory}/{Timestamp}/{TarballName}";

    public GentooMirror(MirrorServer server, GpgKey key, byte[] tarball)
    {
        Server = server;
        Key = key;
        Tarball = tarball;
        Publish(tarball);
    }

    public MirrorServer Server { get; }

    public GpgKey Key { get; }

    public byte[] Tarball { get; }

    public string TarballUrl => Server.Url + TarballPath;

    /// <summary>The SHA-512 sha512sum gives the tarball.</summary>
    public string Sha512 { get; private set; } = "";

    /// <summary>Puts every file of the tree for <paramref name="tarball"/> (signed digests of exactly these bytes).</summary>
    public void Publish(byte[] tarball)
    {
        Server.Put(TarballPath, tarball);
        Sha512 = Sum("sha512sum", tarball);
        Server.Put(TarballPath + ".DIGESTS", Key.ClearSign(Digests(TarballName, tarball)));
        Server.Put(TarballPath + ".sha256", Key.ClearSign($"# SHA256 HASH\n{Sum("sha256sum", tarball)}  {TarballName}\n"));
        Server.Put(TarballPath + ".asc", Key.DetachSign(tarball));
        Server.Put(LatestPath, Key.ClearSign(Latest($"{Timestamp}/{TarballName} {tarball.Length}")));
    }

    /// <summary>A DIGESTS text as Gentoo writes it, with the CONTENTS file's lines around the tarball's.</summary>
    public static string Digests(string name, byte[] tarball, string? sha512 = null) =>
        new StringBuilder()
            .Append("# BLAKE2B HASH\n").Append(Sum("b2sum", tarball)).Append("  ").Append(name).Append('\n')
            .Append("# BLAKE2B HASH\n").Append(new string('0', 128)).Append("  ").Append(name).Append(".CONTENTS.gz\n")
            .Append("# SHA512 HASH\n").Append(sha512 ?? Sum("sha512sum", tarball)).Append("  ").Append(name).Append('\n')
            .Append("# SHA512 HASH\n").Append(new string('0', 128)).Append("  ").Append(name).Append(".CONTENTS.gz\n")
            .ToString();

    /// <summary>A latest-*.txt around a tarball line.</summary>
    public static string Latest(string line) =>
        $"# Latest as of Mon, 30 Nov 2026 17:03:51 +0000\n# ts=1795976631\n{line}\n";

    /// <summary>The digest a coreutils tool prints for the bytes, lowercase hex.</summary>
    public static string Sum(string tool, byte[] bytes)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, bytes);
            return ExternalTool.RunChecked(tool, file).Stdout.Split(' ')[0];
        }
        finally
        {
            File.Delete(file);
        }
    }
}
