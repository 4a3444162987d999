using Boxer.Abstractions;

namespace Boxer.Targets.Lxd;

/// <summary>
/// A written LXD image: its files (metadata then rootfs for the split form; one tarball for the unified form)
/// and LXD's fingerprint of it, the SHA-256 of the files' bytes in that order.
/// </summary>
internal sealed record LxdImage(IReadOnlyList<string> Files, IReadOnlyList<string> Digests, string Fingerprint)
{
    public bool Unified => Files.Count == 1;

    /// <summary>The <c>lxc image import</c> command that loads this image by hand.</summary>
    public string ImportCommand(string alias) =>
        $"lxc image import {string.Join(' ', Files.Select(Quote))} --alias {Quote(alias)}";

    /// <summary>One file artifact per file; the last carries the import and launch commands.</summary>
    public List<Artifact> Artifacts(string alias) =>
    [
        .. Files.Select((file, i) => new Artifact(LxdTarget.TargetName, ArtifactKind.File, file)
        {
            Size = new FileInfo(file).Length,
            Digest = Digests[i],
            UsageHints = i == Files.Count - 1 ? [ImportCommand(alias), $"lxc launch {Quote(alias)} NAME"] : [],
        }),
    ];

    private static string Quote(string word) =>
        word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or '+' or ',' or '=' or ':')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
