// Measures the Docker target's layer writers on a tree made from real host files (default: /usr, first
// ~1 GB in enumeration order) and times loading into the engine against `docker load` of the same archive.
// Usage: dotnet run -c Release -- [SOURCE_DIR] [MAX_MB] [WORK_DIR]
using System.Diagnostics;
using Boxer.Abstractions;
using Boxer.Formats.Hashing;
using Boxer.Formats.Tar;
using Boxer.Targets.Docker;
using Boxer.Targets.Docker.Engine;
using Boxer.Targets.Docker.Image;

string source = args.Length > 0 ? args[0] : "/usr";
long maxBytes = (args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1024) << 20;
string work = args.Length > 2 ? args[2] : Path.GetTempPath();

var tree = HostTree.Load(source, maxBytes);
double mb = tree.ContentSize / 1e6;
Console.WriteLine($"tree: {tree.Count} entries, {mb:F0} MB content from {source}");
var options = new TarWriterOptions { RefuseWhiteoutNames = true };

await TimeVoid("layer tar -> sha256 -> /dev/null", mb, async () =>
{
    using var sink = new HashingStream(Stream.Null);
    var writer = new TarWriter(new BufferedStream(sink, 1 << 20), options);
    await writer.WriteTreeAsync(tree, null, default);
    await writer.FinishAsync(default);
});

string gz = Path.Combine(work, "bench-layer.tar.gz");
File.Delete(gz);
var layer = await Time($"layer tar -> parallel gzip ({Environment.ProcessorCount} cores) -> file", mb, () =>
    LayerWriter.WriteGzipAsync(tree, options, gz, null, default));
Console.WriteLine($"  gzip layer {layer.Descriptor.Size / 1e6:F0} MB");

string tar = Path.Combine(work, "bench-layer.tar");
await TimeVoid("layer tar -> file (for gzip -6 comparison)", mb, async () =>
{
    await using var file = File.Create(tar);
    var writer = new TarWriter(new BufferedStream(file, 1 << 20), options);
    await writer.WriteTreeAsync(tree, null, default);
    await writer.FinishAsync(default);
});
Shell("gzip -6 (GNU, one core) of the same tar", mb, "sh", "-c", $"gzip -6 -c {tar} > {tar}.gz");
Console.WriteLine($"  GNU gzip -6 size {new FileInfo(tar + ".gz").Length / 1e6:F0} MB");
File.Delete(tar);
File.Delete(tar + ".gz");
File.Delete(gz);

var spec = new ImageSpec
{
    Config = new ImageConfig { Cmd = ["/bin/sh"] },
    Created = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
    Labels = new Dictionary<string, string>(),
    CreatedBy = "bench",
    RepoTags = ["boxer-bench:streamed"],
    LayerOptions = options,
};
// The prepared archive is loaded first and removed, so both loads apply the layer from scratch.
string archive = Path.Combine(work, "bench-engine.tar");
await TimeVoid("write the engine archive to a file (the temp-copy alternative)", mb, async () =>
{
    await using var file = File.Create(archive);
    await DockerArchiveWriter.WriteStreamingAsync(file, tree, spec with { RepoTags = ["boxer-bench:prepared"] }, null, default);
});
Shell("docker load -i of the same prepared archive (the floor)", mb, "docker", "load", "-q", "-i", archive);
File.Delete(archive);
Process.Start("docker", "rmi -f boxer-bench:prepared")!.WaitForExit();
using (var engine = new DockerEngine(DockerHost.FromEnvironment()))
{
    await Time<LoadReply>("boxer: stream into POST /images/load (engine apply included)", mb, () =>
        engine.LoadAsync((s, ct) => DockerArchiveWriter.WriteStreamingAsync(s, tree, spec, null, ct), DockerArchiveWriter.MeasureStreaming(tree, spec), null, default));
}

Process.Start("docker", "rmi -f boxer-bench:streamed boxer-bench:prepared")!.WaitForExit();

static async Task<T> Time<T>(string what, double mb, Func<Task<T>> action)
{
    var clock = Stopwatch.StartNew();
    var result = await action();
    Console.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F2} s, {mb / clock.Elapsed.TotalSeconds:F0} MB/s");
    return result;
}

static Task TimeVoid(string what, double mb, Func<Task> action) => Time(what, mb, async () => { await action(); return 0; });

static void Shell(string what, double mb, string file, params string[] arguments)
{
    var clock = Stopwatch.StartNew();
    var info = new ProcessStartInfo(file) { RedirectStandardOutput = true };
    foreach (string a in arguments)
    {
        info.ArgumentList.Add(a);
    }
    using var p = Process.Start(info)!;
    p.StandardOutput.ReadToEnd();
    p.WaitForExit();
    Console.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:F2} s, {mb / clock.Elapsed.TotalSeconds:F0} MB/s (exit {p.ExitCode})");
}
