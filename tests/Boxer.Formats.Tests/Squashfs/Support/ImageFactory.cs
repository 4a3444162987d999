using Boxer.Abstractions;
using Boxer.Formats.Squashfs;

namespace Boxer.Formats.Tests.Squashfs.Support;

/// <summary>Writes a tree to an image file with our writer.</summary>
public static class ImageFactory
{
    public static async Task<string> WriteAsync(IReadOnlyRootFs tree, string path, SquashfsWriterOptions? options = null)
    {
        await using var file = File.Create(path);
        await new SquashfsWriter(options).WriteAsync(tree, file);
        return path;
    }
}
