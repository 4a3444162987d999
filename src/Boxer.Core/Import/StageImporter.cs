using Boxer.Abstractions;
using Boxer.Core.Import.Decoding;
using Boxer.Core.Stage;
using Boxer.Core.Tree;
using Microsoft.Win32.SafeHandles;

namespace Boxer.Core.Import;

/// <summary>Reads a stage3 tarball (any supported compression) into an in-memory tree.</summary>
public static class StageImporter
{
    /// <summary>
    /// Imports <paramref name="path"/>: sniffs the compression from magic bytes, parses the tar stream,
    /// spools file content to one temp file and detects the stage facts.
    /// </summary>
    /// <param name="path">The stage3 file.</param>
    /// <param name="options">How to import; defaults when null.</param>
    /// <param name="progress">Receives the <c>import</c> phase events.</param>
    /// <param name="cancellationToken">Stops the import; the spool is removed all the same.</param>
    /// <returns>The imported stage; dispose it to release the spool.</returns>
    /// <exception cref="StageException">The input is not a usable stage3; the message is one line.</exception>
    public static async Task<ImportedStage> ImportAsync(
        string path, ImportOptions? options = null, IProgress<BuildEvent>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ImportOptions();
        using var file = Open(path);
        long length = RandomAccess.GetLength(file);
        var compression = CompressionSniffer.Sniff(ReadHead(file, path));
        var report = new ImportProgress(progress, length);
        report.Started();
        await using var fileStream = new FileStream(file, FileAccess.Read, bufferSize: 0);
        await using var input = new HashingReadStream(fileStream, path, report.BytesRead);
        var tree = RootFs.CreateForImport(
            ContentSpool.Create(options.SpoolDirectory), options.NewEntryTime ?? UnixTime.FromDateTimeOffset(DateTimeOffset.UtcNow));
        void Warn(string message) => report.Log(BuildLogLevel.Warning, message);
        try
        {
            var request = new DecodeRequest(compression, input, file, options.PreferNativeTools);
            var decoder = await TarDecoder.RunAsync(
                request, source => StageTreeLoader.Load(source, tree, tree.Spool!, Warn), cancellationToken).ConfigureAwait(false);
            report.Log(BuildLogLevel.Debug, $"decoded with {decoder}");
            // The digest covers the whole file: what follows the archive is hashed, not decoded.
            input.ReadToEnd();
            tree.SealSpool();
            var stage = StageDetector.Detect(tree, new StageSource(path, input.HashHex(), compression.Name));
            report.Completed();
            return new ImportedStage(tree, stage, decoder);
        }
        catch
        {
            tree.Dispose();
            throw;
        }
    }

    private static SafeFileHandle Open(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StageException($"cannot open '{path}': {e.Message}", null, null, e);
        }
    }

    private static byte[] ReadHead(SafeFileHandle file, string path)
    {
        var head = new byte[CompressionSniffer.HeadLength];
        int total = 0;
        try
        {
            while (total < head.Length && RandomAccess.Read(file, head.AsSpan(total), total) is var n and > 0)
            {
                total += n;
            }
        }
        catch (IOException e)
        {
            throw ReadFailed(path, e);
        }
        return head[..total];
    }

    /// <summary>A read error on the stage3 itself: bad input, not a failure of boxer's outputs.</summary>
    internal static StageException ReadFailed(string path, IOException error) =>
        new($"cannot read '{path}': {error.Message.Replace($" : '{path}'", "", StringComparison.Ordinal)}", null, null, error);
}
