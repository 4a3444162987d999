using Boxer.Abstractions;

namespace Boxer.Targets.Singularity;

/// <summary>Adds what apptainer's runtime and its own checks expect in an image (the Prepare step).</summary>
internal static class SingularityTree
{
    private const int Executable = 0b111_101_101;

    public static void Prepare(IRootFs fs, ImageConfig image)
    {
        string root = SingularityFiles.Root;
        fs.CreateDirectory($"{root}/actions");
        fs.CreateDirectory($"{root}/env");
        fs.CreateDirectory($"{root}/libs");
        WriteIfMissing(fs, $"{root}/runscript", SingularityFiles.Runscript, Executable);
        WriteIfMissing(fs, $"{root}/startscript", SingularityFiles.Startscript, Executable);
        WriteIfMissing(fs, $"{root}/env/01-base.sh", SingularityFiles.Base01, Executable);
        fs.WriteAllText($"{root}/env/90-environment.sh", SingularityFiles.Environment(image.Env), Executable);
        WriteIfMissing(fs, $"{root}/env/99-base.sh", SingularityFiles.Base99, Executable);
        foreach (var (name, script) in SingularityFiles.Actions)
        {
            WriteIfMissing(fs, $"{root}/actions/{name}", script, Executable);
        }
        WriteIfMissing(fs, $"{root}/labels.json", "{}\n", 0b110_100_100);
        foreach (var (name, target) in SingularityFiles.Links)
        {
            if (!fs.Exists(name))
            {
                fs.CreateSymlink(name, target);
            }
        }
        foreach (var (path, mode) in SingularityFiles.MountPoints)
        {
            if (!fs.Exists(path))
            {
                fs.CreateDirectory(path, mode);
            }
        }
        WriteIfMissing(fs, "etc/hosts", "", 0b110_100_100);
        WriteIfMissing(fs, "etc/resolv.conf", "", 0b110_100_100);
    }

    private static void WriteIfMissing(IRootFs fs, string path, string text, int mode)
    {
        if (!fs.Exists(path))
        {
            fs.WriteAllText(path, text, mode);
        }
    }
}
