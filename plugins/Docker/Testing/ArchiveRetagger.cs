using System.Formats.Tar;
using System.Text.Json.Nodes;
using Boxer.Targets.Docker.Engine;

namespace Boxer.Targets.Docker.Testing;

/// <summary>
/// Loads an image archive into the engine under a temporary tag only. <c>docker load</c> applies the tags an
/// archive names (<c>RepoTags</c> in <c>manifest.json</c>, <c>io.containerd.image.name</c> in <c>index.json</c>),
/// which would move a tag the user has in the engine; so the archive is copied into the load request entry by
/// entry with those names replaced by the temporary one, and nothing else changed.
/// </summary>
internal static class ArchiveRetagger
{
    private const string TagAnnotation = "io.containerd.image.name";
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    public static async Task LoadAsync(DockerEngine engine, string archive, string temporaryTag, CancellationToken cancellationToken)
    {
        await engine.LoadAsync(
            async (stream, ct) =>
            {
                await using var file = File.OpenRead(archive);
                await CopyRetaggedAsync(file, stream, temporaryTag, ct).ConfigureAwait(false);
            },
            length: null,
            log: null,
            cancellationToken).ConfigureAwait(false);
    }

    internal static async Task CopyRetaggedAsync(Stream source, Stream destination, string tag, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(source, leaveOpen: true);
        await using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
        {
            string name = entry.Name.TrimStart('.', '/');
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && name is "manifest.json" or "index.json" or "repositories")
            {
                var text = await new StreamReader(entry.DataStream!).ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                if (name == "repositories")
                {
                    continue;
                }
                var replaced = new PaxTarEntry(TarEntryType.RegularFile, entry.Name)
                {
                    Mode = entry.Mode,
                    ModificationTime = entry.ModificationTime,
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Retag(name, text, tag))),
                };
                await writer.WriteEntryAsync(replaced, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await writer.WriteEntryAsync(entry, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Retag(string name, string json, string tag)
    {
        var node = JsonNode.Parse(json)!;
        if (name == "manifest.json")
        {
            foreach (var image in node.AsArray())
            {
                image!["RepoTags"] = new JsonArray(tag);
            }
        }
        else if (node["manifests"] is JsonArray manifests)
        {
            foreach (var manifest in manifests)
            {
                if (manifest?["annotations"] is JsonObject annotations)
                {
                    annotations.Remove(TagAnnotation);
                    annotations.Remove(RefNameAnnotation);
                }
            }
        }
        return node.ToJsonString();
    }
}
