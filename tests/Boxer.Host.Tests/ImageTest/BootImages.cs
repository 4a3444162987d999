using Boxer.Host.Tests.Support;
using Boxer.TestSupport;
using Boxer.TestSupport.Boot;

namespace Boxer.Host.Tests.ImageTest;

/// <summary>
/// The OpenRC fixture built once for the specs of <see cref="BootImagesCollection"/> by the real <c>boxer docker</c>: with openrc-server (loaded into
/// the engine and written as an archive) and with each broken recipe fixture (a service that fails to start, a
/// stop that hangs, a stop that fails). Builds take ~30 s each, so the specs share them; the images are removed
/// afterwards.
/// </summary>
public sealed class BootImages : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly TempDir _dir = new("boxer-boot-images-");

    public string Clean => $"boxer-spec-clean-{_suffix}:1";

    public string CleanArchive => _dir.Combine("clean.tar");

    public string Broken => $"boxer-spec-broken-{_suffix}:1";

    public string Hanging => $"boxer-spec-hang-{_suffix}:1";

    public string FailingStop => $"boxer-spec-stopfail-{_suffix}:1";

    /// <summary>The clean build, run with <c>--test --json</c>.</summary>
    public ProcessResult CleanBuild { get; private set; } = null!;

    /// <summary>The broken-service build, run with <c>--test</c> (exit 5).</summary>
    public ProcessResult BrokenBuild { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        CleanBuild = await BuildAsync(Clean, Path.Combine(RepoPaths.Recipes, "openrc-server.csx"), "--out", CleanArchive, "--test", "--json");
        BrokenBuild = await BuildAsync(Broken, BrokenService.Recipe, "--test");
        await BuildAsync(Hanging, HangingStop.Recipe);
        await BuildAsync(FailingStop, Boxer.TestSupport.Boot.FailingStop.Recipe);
    }

    public Task DisposeAsync()
    {
        foreach (var tag in new[] { Clean, Broken, Hanging, FailingStop })
        {
            ExternalTool.Run("docker", ["rmi", tag]);
        }
        _dir.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Builds; a build whose --test failed (exit 5) still made its image, and the specs judge its exit code.</summary>
    private static async Task<ProcessResult> BuildAsync(string tag, string recipe, params string[] more)
    {
        var result = await BoxerHost.RunAsync(["docker", "--stage", Fixtures.OpenRc(), "--tag", tag, "--recipe", recipe, "-q", .. more]);
        if (result.ExitCode is not (0 or 5))
        {
            throw new InvalidOperationException($"building {tag} with {recipe} {string.Join(' ', more)} failed: {result}");
        }
        return result;
    }
}
