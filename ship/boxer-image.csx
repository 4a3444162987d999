// boxer's own job image: the self-contained build (--set archive=boxer-VERSION-linux-ARCH.tar.gz) on a minimal rootfs, run as nobody.
//
// Built by ship/build-image.sh. The image needs no privileges, no Docker socket and no daemon: boxer writes
// archives and pushes to registries itself. Under --read-only everything boxer writes at run time (the
// runtime it unpacks on first start, the recipe cache) goes to /tmp: run it with a tmpfs there.
using System.Formats.Tar;
using System.IO.Compression;

const string InstallDir = "/opt/boxer";
const string Nobody = "65534:65534";

string archive = Args.GetString("archive", "");
if (archive.Length == 0 || !File.Exists(archive))
{
    throw new RecipeException($"--set archive=FILE: a boxer-VERSION-linux-ARCH.tar.gz made by ./ship.sh is needed (got '{archive}')");
}

int files = 0;
using (var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress)))
{
    // The archive holds one folder, boxer-VERSION-linux-ARCH/; its content goes to /opt/boxer.
    while (tar.GetNextEntry() is { } entry)
    {
        string name = entry.Name.TrimEnd('/');
        int slash = name.IndexOf('/');
        if (slash < 0)
        {
            continue;
        }
        string path = $"{InstallDir}/{name[(slash + 1)..]}";
        int mode = (int)entry.Mode & 0xfff;
        if (entry.EntryType == TarEntryType.Directory)
        {
            Rootfs.CreateDirectory(path, mode);
        }
        else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
        {
            using var bytes = new MemoryStream();
            data.CopyTo(bytes);
            Rootfs.WriteAllBytes(path, bytes.ToArray(), mode);
            files++;
        }
        else
        {
            throw new RecipeException($"{archive}: unexpected entry {entry.Name} ({entry.EntryType})");
        }
    }
}
if (!Rootfs.Exists($"{InstallDir}/boxer"))
{
    throw new RecipeException($"{archive}: no boxer executable in it");
}
Rootfs.CreateSymlink("/usr/local/bin/boxer", $"{InstallDir}/boxer");
Rootfs.CreateDirectory("/data");
Log.Info($"{files} files of {Path.GetFileName(archive)} in {InstallDir}");

Image.Entrypoint = [$"{InstallDir}/boxer"];
Image.Cmd = [];
Image.User = Nobody;
Image.WorkingDir = "/data";
// HOME may be read-only or missing (uid 65534's is /nonexistent): the runtime's unpacked files, the recipe
// cache and anything else boxer writes go under /tmp. Registry credentials: mount config.json in /docker.
Image.Env["HOME"] = "/tmp";
Image.Env["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = "/tmp/.net";
Image.Env["XDG_CACHE_HOME"] = "/tmp/.cache";
Image.Env["DOCKER_CONFIG"] = "/docker";
Image.Env["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
Image.StopSignal = null;
Image.Labels["org.opencontainers.image.title"] = "boxer";
Image.Labels["org.opencontainers.image.description"] = "boxer turns a stage3 tarball into container images (Docker/OCI, SIF)";
