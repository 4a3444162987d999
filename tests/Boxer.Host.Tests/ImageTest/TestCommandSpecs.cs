using Boxer.Host.Tests.Support;
using Boxer.TestSupport;

namespace Boxer.Host.Tests.ImageTest;

/// <summary><c>boxer test</c>'s refusals: one line and the documented exit code, before anything boots.</summary>
public sealed class TestCommandSpecs
{
    [Theory]
    [InlineData("0")]
    [InlineData("x")]
    [InlineData("-5")]
    public async Task A_bad_timeout_is_a_usage_error(string timeout)
    {
        var result = await BoxerHost.RunAsync("test", "some-image", "--timeout", timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.StdErrLines, l => l.StartsWith($"boxer: --timeout '{timeout}': expected whole seconds", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_no_image_is_bad_input()
    {
        using var dir = new TempDir("boxer-test-cmd-");
        string file = dir.Combine("notes.txt");
        await File.WriteAllTextAsync(file, "not an image\n");

        var result = await BoxerHost.RunAsync("test", file);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal([$"boxer: {file}: not an image a loaded target can boot (a docker/OCI archive from --out, or a SIF)"], result.StdErrLines);
    }

    [Fact]
    public async Task A_name_that_is_neither_a_file_nor_a_reference_is_a_usage_error()
    {
        var result = await BoxerHost.RunAsync("test", "/no/such/image.tar");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(result.StdErrLines, l => l.StartsWith("boxer: /no/such/image.tar: no such file, and no loaded target takes it", StringComparison.Ordinal));
    }
}
