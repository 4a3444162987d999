using System.Security.Cryptography;

namespace Boxer.Core.Tests.Import;

/// <summary>
/// What follows the end-of-archive marker is not decoded beyond a short look-ahead (a stage3 with 20 GB of
/// zeros appended took 53 s), yet the reported sha256 still covers the whole file, read raw.
/// </summary>
public sealed class TrailingDataSpecs : IDisposable
{
    // Generous for a loaded machine; decoding the zero tail below takes minutes.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ImportHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_gzip_file_with_gigabytes_of_zeros_after_the_archive_imports_quickly_and_hashes_whole(bool native)
    {
        var tar = new TarBuilder().Entry("etc/hostname", data: "box\n"u8.ToArray()).End().ToArray();
        // 32 GiB of zeros as 512 gzip members of 64 MiB each: a 33 MB file.
        var zeros = _harness.Compressed("gzip", new byte[64 << 20]);
        using (var file = File.Create(_harness.InputPath))
        {
            file.Write(_harness.Compressed("gzip", tar));
            for (int i = 0; i < 512; i++)
            {
                file.Write(zeros);
            }
        }
        using var timeout = new CancellationTokenSource(Patience);

        using var stage = await _harness.ImportFile(_harness.InputPath, native, timeout.Token);

        Assert.Equal("box\n", stage.RootFs.ReadAllText("etc/hostname"));
        Assert.Equal(Sha256Sum(_harness.InputPath), stage.Stage.SourceSha256);
        Assert.Empty(_harness.Warnings);
    }

    [Fact]
    public async Task A_plain_tar_with_zeros_appended_hashes_whole_without_a_warning()
    {
        var tar = new TarBuilder().Entry("etc/hostname", data: "box\n"u8.ToArray()).End().ToArray();
        using (var file = File.Create(_harness.InputPath))
        {
            file.Write(tar);
            file.Write(new byte[(64 << 20) + 100]);
        }

        using var stage = await _harness.ImportFile(_harness.InputPath);

        Assert.Equal("box\n", stage.RootFs.ReadAllText("etc/hostname"));
        Assert.Equal(Sha256Sum(_harness.InputPath), stage.Stage.SourceSha256);
        Assert.Empty(_harness.Warnings);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("gzip", true)]
    [InlineData("gzip", false)]
    [InlineData("xz", true)]
    [InlineData("xz", false)]
    public async Task Non_zero_data_after_the_end_marker_is_ignored_with_a_warning(string? compression, bool native)
    {
        byte[] tar = [.. new TarBuilder().Entry("etc/hostname", data: "box\n"u8.ToArray()).End().ToArray(), .. new byte[3000], .. "garbage"u8];
        var input = compression is null ? tar : _harness.Compressed(compression, tar);

        using var stage = await _harness.Import(input, native);

        Assert.Equal("box\n", stage.RootFs.ReadAllText("etc/hostname"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(input)), stage.Stage.SourceSha256);
        Assert.Equal(["ignored the data after the end-of-archive marker: it is not all zeros (offset 5048)"], _harness.Warnings);
    }

    private static string Sha256Sum(string path) => Tools.Run("sha256sum", [path]).Split(' ')[0];
}
