using System.Text;
using Boxer.Fuzz.Mutation;

namespace Boxer.Fuzz.Seeds;

/// <summary>A small stage3-like tar exercising the stage-facts readers: ARM /bin/sh, os-release, PAX and GNU long names.</summary>
public static class SeedTar
{
    /// <summary>The archive, uncompressed, with its end blocks.</summary>
    public static byte[] Build()
    {
        string longName = "usr/share/" + new string('d', 120) + "/file";
        byte[] pax = Encoding.UTF8.GetBytes(Record("SCHILY.xattr.user.k=value") + Record("path=etc/hostname"));
        byte[] osRelease = Encoding.UTF8.GetBytes("NAME=\"Gentoo\"\nID=gentoo\nPRETTY_NAME='Gentoo Linux'\nVERSION_ID=\"2.17\"\n# comment\nHOME_URL=\"https://gentoo.org/\"\n");
        return
        [
            .. TarMutator.Entry('5', "bin/", [], mode: 0x1ED),
            .. TarMutator.Entry('0', "bin/busybox", ElfSeeds.Arm(10), mode: 0x1ED),
            .. TarMutator.Entry('2', "bin/sh", [], "busybox", 0x1FF),
            .. TarMutator.Entry('5', "etc/", [], mode: 0x1ED),
            .. TarMutator.Entry('x', "PaxHeaders/hostname", pax),
            .. TarMutator.Entry('0', "etc/hostnam", "box\n"u8.ToArray()),
            .. TarMutator.Entry('0', "etc/os-release", osRelease),
            .. TarMutator.Entry('1', "etc/os-release.link", [], "etc/os-release"),
            .. TarMutator.Entry('L', "././@LongLink", Encoding.UTF8.GetBytes(longName + "\0")),
            .. TarMutator.Entry('0', longName[..99], "long\n"u8.ToArray()),
            .. TarMutator.Entry('3', "dev-null", [], mode: 0x1B6),
            .. new byte[1024],
        ];
    }

    /// <summary>A PAX record, "&lt;length&gt; key=value\n", the length counting its own digits.</summary>
    public static string Record(string keyValue)
    {
        int bare = Encoding.UTF8.GetByteCount(keyValue) + 2;
        int length = bare + (bare + bare.ToString().Length).ToString().Length;
        return $"{length} {keyValue}\n";
    }
}
