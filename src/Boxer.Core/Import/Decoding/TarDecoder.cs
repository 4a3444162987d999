using Boxer.Formats.Compression;
using Boxer.Formats.Tar;

namespace Boxer.Core.Import.Decoding;

/// <summary>Picks the decoder for a compression (native tool when wanted and present, else managed) and runs the tar consumer on its output.</summary>
internal static class TarDecoder
{
    /// <returns>What decoded the input, e.g. <c>xz (native)</c>, <c>gzip (managed)</c> or <c>none</c>.</returns>
    public static async Task<string> RunAsync(DecodeRequest request, Action<TarBlockSource> consume, CancellationToken cancellationToken)
    {
        if (request.Codec == Codecs.Plain)
        {
            await Task.Factory.StartNew(() => consume(new TarBlockSource(request.Input, cancellationToken)),
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            return "none";
        }
        if (request.PreferNative && request.Codec.NativeTool is { } name && NativeDecoder.Find(name) is { } tool)
        {
            await NativeDecoder.RunAsync(tool, request, consume, cancellationToken).ConfigureAwait(false);
            return $"{request.Name} (native)";
        }
        await ManagedDecoder.RunAsync(request, consume, cancellationToken).ConfigureAwait(false);
        return $"{request.Name} (managed)";
    }
}
