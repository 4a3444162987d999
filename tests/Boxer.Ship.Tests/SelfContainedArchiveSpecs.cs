using System.Buffers.Binary;
using System.Formats.Tar;
using System.IO.Compression;
using Boxer.Ship.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Ship.Tests;

/// <summary>
/// The self-contained archives: the x64 one runs in a container made from a rootfs without .NET (the OpenRC
/// fixture) and builds the demo exactly as <c>./boxer</c> does; the arm64 one (not runnable here) holds an
/// aarch64 executable and the same plugins and recipes, byte for byte, as the x64 one.
/// </summary>
[Collection(ShipCollection.Name)]
public sealed class SelfContainedArchiveSpecs(ShipArtifacts artifacts) : IDisposable
{
    private const ushort ElfMachineX64 = 62;
    private const ushort ElfMachineAarch64 = 183;

    private readonly TempDir _dir = new("boxer-ship-archive-");
    private readonly string _image = $"boxer-test-nodotnet:{Guid.NewGuid().ToString("N")[..10]}";

    [Fact]
    public void The_x64_build_runs_where_there_is_no_dotnet_and_builds_the_demo_as_the_launcher_does()
    {
        ExternalTool.Require("docker");
        string boxer = artifacts.Extract("x64", Directory.CreateDirectory(_dir.Combine("install")).FullName);
        string work = Directory.CreateDirectory(_dir.Combine("work")).FullName;
        ExternalTool.RunChecked("docker", "import", Fixtures.OpenRc(), _image);
        var dotnet = ExternalTool.Run("docker", ["run", "--rm", _image, "sh", "-c", "command -v dotnet || ls -d /usr/share/dotnet /usr/lib/dotnet /opt/dotnet"]);
        Assert.True(dotnet.ExitCode != 0, $"the container has .NET: {dotnet.Stdout}");

        var run = ExternalTool.Run("docker", [
            "run", "--rm", "-e", $"SOURCE_DATE_EPOCH={ShipArtifacts.Epoch}", "-e", "HOME=/tmp",
            "-v", $"{Path.GetDirectoryName(boxer)}:/opt/boxer:ro", "-v", $"{work}:/data", "-w", "/data",
            // The demo at the very path ./boxer read it from: the image records the stage3's path and name.
            "-v", $"{Path.GetDirectoryName(ShipArtifacts.DemoStage)}:{Path.GetDirectoryName(ShipArtifacts.DemoStage)}:ro",
            // The fixture has no libdeflate: pinned, the layer is gzipped by the library every boxer carries.
            _image, "/opt/boxer/boxer", "docker", "--stage", ShipArtifacts.DemoStage, "--out", "x.tar", "--quiet", "--codec", "zlib-ng"],
            new ToolRunOptions { Timeout = TimeSpan.FromMinutes(10) });

        Assert.True(run.Succeeded, run.ToString());
        Assert.True(File.ReadAllBytes(artifacts.ReferenceImageZlibNg).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(work, "x.tar"))),
            "the self-contained build's image differs from ./boxer's");
    }

    [Fact]
    public void The_arm64_archive_holds_an_aarch64_executable_and_the_x64_archives_plugins_and_recipes()
    {
        var x64 = Read(artifacts.Archive("x64"), artifacts.ArchiveFolder("x64"));
        var arm64 = Read(artifacts.Archive("arm64"), artifacts.ArchiveFolder("arm64"));

        Assert.Equal(ElfMachineX64, ElfMachine(x64["boxer"]));
        Assert.Equal(ElfMachineAarch64, ElfMachine(arm64["boxer"]));
        Assert.Contains("plugins/Boxer.Targets.Docker/Boxer.Targets.Docker.dll", arm64.Keys);
        Assert.Contains("plugins/Boxer.Targets.Singularity/Boxer.Targets.Singularity.dll", arm64.Keys);
        Assert.Contains("recipes/openrc-server.csx", arm64.Keys);
        Assert.Contains("README.md", arm64.Keys);
        var shared = x64.Keys.Where(k => k.StartsWith("plugins/", StringComparison.Ordinal) || k.StartsWith("recipes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shared, arm64.Keys.Where(k => k.StartsWith("plugins/", StringComparison.Ordinal) || k.StartsWith("recipes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.All(shared, name => Assert.True(x64[name].AsSpan().SequenceEqual(arm64[name]), $"{name} differs between the archives"));
    }

    public void Dispose()
    {
        ExternalTool.Run("docker", ["rmi", "-f", _image]);
        _dir.Dispose();
    }

    /// <summary>The regular files of an archive by path inside its one folder, with their bytes.</summary>
    private static Dictionary<string, byte[]> Read(string archive, string folder)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var tar = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            Assert.StartsWith(folder + "/", entry.Name);
            if (entry.DataStream is { } data)
            {
                using var bytes = new MemoryStream();
                data.CopyTo(bytes);
                files[entry.Name[(folder.Length + 1)..]] = bytes.ToArray();
            }
        }
        return files;
    }

    /// <summary>e_machine of a 64-bit little-endian ELF file.</summary>
    private static ushort ElfMachine(byte[] file)
    {
        Assert.True(file.AsSpan(0, 4).SequenceEqual("\x7f"u8.ToArray().Concat("ELF"u8.ToArray()).ToArray()), "not an ELF file");
        return BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(18, 2));
    }
}
