namespace Boxer.Targets.Docker.Image;

/// <summary>
/// A layer that has been written: its descriptor (digest and size of the bytes as stored, compressed or
/// not) and its diff ID (digest of the uncompressed tar, what the config's <c>rootfs.diff_ids</c> lists).
/// </summary>
/// <param name="Descriptor">The stored blob.</param>
/// <param name="DiffId">The uncompressed tar's digest.</param>
/// <param name="FilePath">The file holding the blob, when it was written to one.</param>
public sealed record LayerBlob(Descriptor Descriptor, string DiffId, string? FilePath = null);
